using TaskForce.Core.Blockers;
using TaskForce.Core.Members;

namespace TaskForce.Tests.Core.Blockers;

public sealed class BlockerTodosTests
{
    private const long Campaign = 7;
    private const long Reporter = 1;

    [Theory]
    [InlineData(Roles.TeamLead, 0, BlockerTodo.Acknowledge)]
    [InlineData(Roles.TeamLead, 2, BlockerTodo.Acknowledge)]
    [InlineData(Roles.Commander, 0, BlockerTodo.None)]
    [InlineData(Roles.Commander, 1, BlockerTodo.Acknowledge)]
    [InlineData(Roles.Commander, 2, BlockerTodo.Acknowledge)]
    [InlineData(Roles.CityLeader, 1, BlockerTodo.None)]
    [InlineData(Roles.CityLeader, 2, BlockerTodo.Acknowledge)]
    [InlineData(Roles.Staff, 2, BlockerTodo.None)]
    public void For_OpenBlockerAtLevel_WaitsForEveryLevelItReachedOrPassed(string role, int level, BlockerTodo expected)
    {
        Member member = Leader(role, Campaign);

        BlockerTodo todo = BlockerTodos.For(member, Blocker(BlockerStates.Open, level));

        Assert.Equal(expected, todo);
    }

    [Fact]
    public void For_OpenBlockerOwnedBelowTheOwnersLevel_WaitsForTheOwner()
    {
        Member member = Leader(Roles.Commander, Campaign);

        BlockerTodo todo = BlockerTodos.For(member, Blocker(BlockerStates.Open, 0, owner: member.Id));

        Assert.Equal(BlockerTodo.Acknowledge, todo);
    }

    [Fact]
    public void For_OpenBlockerBelowTheCommandersLevel_WaitsForTheCommanderCopiedInTheOwnersPlace()
    {
        Member member = Leader(Roles.Commander, Campaign);

        BlockerTodo copied = BlockerTodos.For(member, Blocker(BlockerStates.Open, 0) with { CopiedMemberId = member.Id });
        BlockerTodo notCopied = BlockerTodos.For(Leader(Roles.Commander, Campaign) with { Id = 43 }, Blocker(BlockerStates.Open, 0) with { CopiedMemberId = member.Id });

        Assert.Equal(BlockerTodo.Acknowledge, copied);
        Assert.Equal(BlockerTodo.None, notCopied);
        Assert.True(BlockerService.CanHandle(member, Blocker(BlockerStates.Open, 0) with { CopiedMemberId = member.Id }));
    }

    [Theory]
    [InlineData(Roles.TeamLead, 0)]
    [InlineData(Roles.Commander, 1)]
    [InlineData(Roles.CityLeader, 2)]
    [InlineData(Roles.Supervisor, 2)]
    public void For_EveryTodoOffered_IsOneTheServiceAccepts(string role, int level)
    {
        foreach (long? campaign in new long?[] { Campaign, Campaign + 1, null })
        {
            Member member = Leader(role, campaign);
            foreach (string state in new[] { BlockerStates.Open, BlockerStates.Acknowledged })
            {
                BlockerView blocker = Blocker(state, level);
                if (BlockerTodos.For(member, blocker) != BlockerTodo.None)
                {
                    Assert.True(BlockerService.CanHandle(member, blocker), $"{role} in {campaign} offered {state} at {level} but may not handle it");
                }
            }
        }
    }

    [Fact]
    public void For_AcknowledgedInAnotherCampaign_WaitsForNobodyThere()
    {
        Member member = Leader(Roles.TeamLead, Campaign + 1);

        BlockerTodo todo = BlockerTodos.For(member, Blocker(BlockerStates.Acknowledged, 0));

        Assert.Equal(BlockerTodo.None, todo);
    }

    [Theory]
    [InlineData(Roles.Commander, true, BlockerTodo.Close)]
    [InlineData(Roles.TeamLead, true, BlockerTodo.Close)]
    [InlineData(Roles.Commander, false, BlockerTodo.AwaitingConfirmation)]
    [InlineData(Roles.CityLeader, true, BlockerTodo.None)]
    public void For_ResolvedBlocker_ClosableOnlyOnceTheReporterConfirmed(string role, bool confirmed, BlockerTodo expected)
    {
        Member member = Leader(role, Campaign);

        BlockerTodo todo = BlockerTodos.For(member, Blocker(BlockerStates.Resolved, 0, confirmed: confirmed));

        Assert.Equal(expected, todo);
    }

    [Fact]
    public void For_ResolvedNotConfirmed_WaitsForTheReportersConfirmation()
    {
        var reporter = new Member(Reporter, "r", "R", null, null, "zh-CN", "Asia/Shanghai", [new MemberRole(Roles.Staff, Campaign)]);

        BlockerTodo todo = BlockerTodos.For(reporter, Blocker(BlockerStates.Resolved, 0));

        Assert.Equal(BlockerTodo.Confirm, todo);
    }

    [Fact]
    public void For_CityWideLeadingRole_HoldsItsLevelInEveryCampaign()
    {
        Member member = Leader(Roles.CityLeader, null);

        Assert.Equal(BlockerTodo.Acknowledge, BlockerTodos.For(member, Blocker(BlockerStates.Open, 2)));
        Assert.Equal(BlockerTodo.None, BlockerTodos.For(member, Blocker(BlockerStates.Open, 1)));
    }

    private static Member Leader(string role, long? campaignId) =>
        new(42, "m", "M", null, null, "zh-CN", "Asia/Shanghai", [new MemberRole(role, campaignId)]);

    private static BlockerView Blocker(string state, int level, long? owner = null, bool confirmed = false) => new(
        100, 5, "任务", null, Campaign, "卡住了", Severities.High, level, state, Reporter, "R", owner, null,
        new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), confirmed);
}
