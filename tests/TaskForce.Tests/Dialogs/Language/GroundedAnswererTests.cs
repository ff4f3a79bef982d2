using Microsoft.Extensions.AI;
using TaskForce.Dialogs.Language;

namespace TaskForce.Tests.Dialogs.Language;

public sealed class GroundedAnswererTests : IAsyncLifetime, IDisposable
{
    private readonly LanguageTestKit _kit = new();
    private TempDatabase _db = null!;
    private TwoCampaigns _data = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateMigratedAsync();
        _data = await TwoCampaigns.SeedAsync(_db);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task AnswerAsync_ToolRoundTrip_AnswersWithSourcesFromTheToolResults()
    {
        _kit.Reply(LanguageTestKit.Call("c1", "list_tasks", """{"overdue": true}"""));
        _kit.Reply(LanguageTestKit.Text("One task is overdue: Pier permit (due 2030-03-10)."));

        ModelOutcome<GroundedAnswer> outcome = await _kit.Answerer(_db).AnswerAsync(
            _data.Leader, "Which tasks are overdue?", "en-US", TwoCampaigns.Today, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Equal("One task is overdue: Pier permit (due 2030-03-10).", outcome.Value!.Text);
        Assert.Equal(["Pier permit (2030-03-10)"], outcome.Value.Sources);
        Assert.Equal(new TokenUsage(150, 30), outcome.Usage);
        FunctionResultContent result = _kit.Requests[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single();
        Assert.Equal("c1", result.CallId);
        Assert.Contains("\"title\":\"Pier permit\"", result.Result!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_Always_OffersTheReadOnlyTools()
    {
        _kit.Reply(LanguageTestKit.Text("No data."));

        await _kit.Answerer(_db).AnswerAsync(_data.Leader, "Anything new?", "en-US", TwoCampaigns.Today, CancellationToken.None);

        string[] tools = [.. _kit.Requests[0].Options!.Tools!.Select(t => t.Name)];
        Assert.Equal(["list_tasks", "campaign_summary", "open_blockers", "reports_since", "meetings"], tools);
    }

    [Fact]
    public async Task AnswerAsync_ReportTextTriesToWidenScope_NothingOutsideTheCallersScopeReachesModelOrAnswer()
    {
        // The model "obeys" the injected report: it asks for the other campaign by id, then for everything it can.
        _kit.Reply(LanguageTestKit.Call("c1", "reports_since", """{"since": "2030-03-01"}"""));
        _kit.Reply(LanguageTestKit.Call("c2", "list_tasks", $$"""{"campaign_id": {{_data.FashionId}}}"""));
        _kit.Reply(LanguageTestKit.Call("c3", "list_tasks", "{}"));
        _kit.Reply(LanguageTestKit.Call("c4", "open_blockers", "{}"));
        _kit.Reply(LanguageTestKit.Text("Here is everything I could find."));
        var answerer = _kit.Answerer(_db);

        ModelOutcome<GroundedAnswer> outcome = await answerer.AnswerAsync(
            _data.Leader, "What changed since March 1?", "en-US", TwoCampaigns.Today, CancellationToken.None);
        _kit.Reply(LanguageTestKit.Call("c5", "meetings", "{}"));
        _kit.Reply(LanguageTestKit.Call("c6", "campaign_summary", "{}"));
        _kit.Reply(LanguageTestKit.Text("Meetings and summary."));
        ModelOutcome<GroundedAnswer> second = await answerer.AnswerAsync(
            _data.Leader, "Meetings?", "en-US", TwoCampaigns.Today, CancellationToken.None);

        string seenByModel = _kit.AllPromptText();
        Assert.Contains(TwoCampaigns.InjectionText, seenByModel, StringComparison.Ordinal);
        Assert.Contains("Pier permit", seenByModel, StringComparison.Ordinal);
        Assert.Contains("Ocean Bureau files the permit", seenByModel, StringComparison.Ordinal);
        Assert.Contains($"campaign_id {_data.FashionId} is not a campaign you can see", seenByModel, StringComparison.Ordinal);
        string answers = outcome.Value!.Text + string.Join("|", outcome.Value.Sources) + second.Value!.Text + string.Join("|", second.Value.Sources);
        foreach (string marker in TwoCampaigns.OutsideMarkers)
        {
            Assert.DoesNotContain(marker, seenByModel.Replace(TwoCampaigns.InjectionText, "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain(marker, answers, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnswerAsync_SupervisorAsksTheSameQuestion_SeesBothCampaigns()
    {
        _kit.Reply(LanguageTestKit.Call("c1", "list_tasks", "{}"));
        _kit.Reply(LanguageTestKit.Text("Three tasks."));

        ModelOutcome<GroundedAnswer> outcome = await _kit.Answerer(_db).AnswerAsync(
            _data.Supervisor, "All tasks?", "en-US", TwoCampaigns.Today, CancellationToken.None);

        Assert.Contains("Runway hall (2030-03-01)", outcome.Value!.Sources);
        Assert.Contains("Pier permit (2030-03-10)", outcome.Value.Sources);
    }

    [Theory]
    [InlineData("list_tasks", """{"limit": 500}""", "limit must be between 1 and 50")]
    [InlineData("list_tasks", """{"due_from": "next monday"}""", "due_from must be a date written yyyy-MM-dd")]
    [InlineData("list_tasks", """{"department_id": 77}""", "department_id 77 does not exist")]
    [InlineData("list_tasks", """{"light": "purple"}""", "light must be green, yellow, red or done")]
    [InlineData("list_tasks", """{"campaign_id": "all"}""", "campaign_id must be an integer")]
    [InlineData("reports_since", "{}", "since is required")]
    [InlineData("reports_since", """{"since": "2030-03-01", "task_id": 3}""", "task_id 3 is not a task you can see")]
    [InlineData("open_blockers", """{"min_level": 9}""", "min_level must be between 0 and 2")]
    [InlineData("drop_tables", "{}", "unknown function drop_tables")]
    public async Task AnswerAsync_InvalidToolArguments_ReturnsAnErrorObjectToTheModel(string tool, string arguments, string error)
    {
        _kit.Reply(LanguageTestKit.Call("c1", tool, arguments));
        _kit.Reply(LanguageTestKit.Text("The data is missing."));

        ModelOutcome<GroundedAnswer> outcome = await _kit.Answerer(_db).AnswerAsync(
            _data.Leader, "?", "en-US", TwoCampaigns.Today, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Empty(outcome.Value!.Sources);
        string result = _kit.Requests[1].Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result!.ToString()!;
        Assert.Contains("\"errors\":", result, StringComparison.Ordinal);
        Assert.Contains(error, result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_ModelKeepsCallingTools_LastRoundOffersNoneAndAnswers()
    {
        for (int i = 0; i < _kit.Options.MaxToolRounds; i++)
        {
            _kit.Reply(LanguageTestKit.Call($"c{i}", "list_tasks", "{}"));
        }

        _kit.Reply(LanguageTestKit.Text("Two tasks in Ocean Ranch."));

        ModelOutcome<GroundedAnswer> outcome = await _kit.Answerer(_db).AnswerAsync(
            _data.Leader, "Tasks?", "en-US", TwoCampaigns.Today, CancellationToken.None);

        Assert.Equal("Two tasks in Ocean Ranch.", outcome.Value!.Text);
        Assert.Equal(_kit.Options.MaxToolRounds + 1, _kit.Requests.Count);
        Assert.Equal(ChatToolMode.None, _kit.Requests[^1].Options!.ToolMode);
    }

    [Fact]
    public async Task AnswerAsync_EmptyFinalText_FallsBackAsInvalidOutput()
    {
        _kit.Reply(LanguageTestKit.Text("   "));

        ModelOutcome<GroundedAnswer> outcome = await _kit.Answerer(_db).AnswerAsync(
            _data.Leader, "Tasks?", "zh-CN", TwoCampaigns.Today, CancellationToken.None);

        Assert.Equal(FallbackReason.InvalidOutput, outcome.Fallback);
    }

    [Fact]
    public async Task AnswerAsync_ChineseCaller_PromptAsksForChineseAndListsOnlyVisibleCampaigns()
    {
        _kit.Reply(LanguageTestKit.Text("没有数据。"));

        await _kit.Answerer(_db).AnswerAsync(_data.Leader with { Locale = "zh-CN" }, "市场监管局有几项逾期?", "zh-CN", TwoCampaigns.Today, CancellationToken.None);

        string system = _kit.Requests[0].Messages[0].Text;
        Assert.Contains("Answer in Simplified Chinese", system, StringComparison.Ordinal);
        Assert.Contains("1: Ocean Ranch", system, StringComparison.Ordinal);
        Assert.DoesNotContain("Fashion City", system, StringComparison.Ordinal);
        Assert.Contains("2: Market Bureau", system, StringComparison.Ordinal);
    }
}
