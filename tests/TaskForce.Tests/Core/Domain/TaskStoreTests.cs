using Microsoft.Extensions.Options;
using TaskForce.Core.Access;
using TaskForce.Core.Blockers;
using TaskForce.Core.Members;
using TaskForce.Core.Tasks;

namespace TaskForce.Tests.Core.Domain;

public sealed class TaskStoreTests
{
    private static readonly DateOnly s_today = new(2026, 11, 30);

    [Fact]
    public async Task QueryAsync_NothingMatches_ReturnsEmpty()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var scope = new AccessScope(1, CityWide: true, new HashSet<long>());

        IReadOnlyList<TaskView> tasks = await Store(db).QueryAsync(scope, new TaskFilter(), s_today, CancellationToken.None);
        IReadOnlyList<NonReporter> idle = await Store(db).ListNonReportersAsync(scope, null, DateTimeOffset.UnixEpoch, CancellationToken.None);
        IReadOnlyList<BlockerView> blockers = await new BlockerStore(db.Connections).ListOpenAsync(scope, null, CancellationToken.None);

        Assert.Empty(tasks);
        Assert.Empty(idle);
        Assert.Empty(blockers);
    }

    [Fact]
    public async Task QueryAsync_Staff_SeesOnlyOwnTasks()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var data = new DomainBuilder(db);
        long department = await data.DepartmentAsync();
        long campaign = await data.CampaignAsync();
        long me = await data.MemberAsync(Roles.Staff, campaign);
        long colleague = await data.MemberAsync(Roles.Staff, campaign);
        long mine = await data.TaskAsync(campaign, me, department);
        await data.TaskAsync(campaign, colleague, department);

        IReadOnlyList<TaskView> tasks = await Store(db).QueryAsync(new AccessScope(me, false, new HashSet<long>()), new TaskFilter(), s_today, CancellationToken.None);

        Assert.Equal([mine], tasks.Select(t => t.Id));
    }

    [Fact]
    public async Task QueryAsync_CommanderOfOneCampaign_SeesThatCampaignOnly()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var data = new DomainBuilder(db);
        long department = await data.DepartmentAsync();
        long fashion = await data.CampaignAsync("国际时尚城建设攻势");
        long ocean = await data.CampaignAsync("海洋攻势");
        long staff = await data.MemberAsync(Roles.Staff, fashion);
        long commander = await data.MemberAsync(Roles.Commander, fashion);
        long fashionTask = await data.TaskAsync(fashion, staff, department);
        await data.TaskAsync(ocean, staff, department);
        Member leader = (await new MemberStore(db.Connections).GetAsync(commander, CancellationToken.None))!;

        IReadOnlyList<TaskView> tasks = await Store(db).QueryAsync(AccessScope.For(leader), new TaskFilter(), s_today, CancellationToken.None);

        Assert.Equal([fashionTask], tasks.Select(t => t.Id));
    }

    [Fact]
    public async Task QueryAsync_OverdueFilter_ReturnsUnfinishedPastDeadlineAsRed()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var data = new DomainBuilder(db);
        long department = await data.DepartmentAsync();
        long campaign = await data.CampaignAsync();
        long me = await data.MemberAsync(Roles.Staff, campaign);
        long late = await data.TaskAsync(campaign, me, department, deadline: "2026-11-20");
        await data.TaskAsync(campaign, me, department, deadline: "2026-12-20");

        IReadOnlyList<TaskView> tasks = await Store(db).QueryAsync(
            new AccessScope(me, false, new HashSet<long>()), new TaskFilter { OverdueBefore = s_today }, s_today, CancellationToken.None);

        TaskView only = Assert.Single(tasks);
        Assert.Equal(late, only.Id);
        Assert.Equal(Light.Red, only.Light);
    }

    private static TaskStore Store(TempDatabase db) => new(db.Connections, Options.Create(new TrafficLightOptions()));
}
