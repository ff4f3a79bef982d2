using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Access;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Language;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.IntegrationTests.Language;

/// <summary>The real Azure.AI.OpenAI client, as AddLanguageModel builds it, against a fake endpoint on loopback.</summary>
public sealed class AzureOpenAIClientTests
{
    private static async Task<RecognitionContext> StaffContextAsync(LanguageFixture fixture)
    {
        IReadOnlyList<TaskView> tasks = await fixture.Services.GetRequiredService<TaskStore>()
            .ListReportableAsync(AccessScope.For(LanguageFixture.Staff), LanguageFixture.Today, CancellationToken.None);
        return new RecognitionContext(
            LanguageFixture.Today,
            [.. tasks.Select((t, i) => new TaskCandidate(t.Id, t.Title, t.TitleEn, t.Aliases, i + 1))],
            [new NamedCandidate(1, "Ocean Bureau", null, []), new NamedCandidate(2, "Market Bureau", null, [])],
            []);
    }

    private static void AssertNothingOutsideScope(LanguageFixture fixture)
    {
        foreach (RecordedRequest request in fixture.Fake.Requests)
        {
            foreach (string marker in LanguageFixture.OutsideMarkers)
            {
                Assert.DoesNotContain(marker, request.Body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task RecognizeAsync_StructuredOutput_ExtractsSlotsAndSendsOnlyTheMembersTasks()
    {
        await using LanguageFixture fixture = await LanguageFixture.StartAsync(TimeSpan.FromSeconds(30));
        fixture.Fake.Reply(Recordings.Extraction);
        RecognitionContext context = await StaffContextAsync(fixture);

        ModelOutcome<Recognition> outcome = await fixture.Services.GetRequiredService<ModelRecognizer>()
            .RecognizeAsync("Pier permit 70%, behind: waiting for the sea-use permit, need Market Bureau", context, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Fallback?.ToString());
        Assert.Equal(Intent.ReportProgress, outcome.Value!.Intent);
        Assert.Equal([1L], outcome.Value.Entities.TaskIds);
        Assert.Equal(70, outcome.Value.Entities.Percent);
        Assert.Equal([2L], outcome.Value.Entities.DepartmentIds);
        Assert.Equal("waiting for the sea-use permit", outcome.Value.Entities.BlockerText);
        Assert.Equal(new TokenUsage(412, 61), outcome.Usage);
        RecordedRequest request = Assert.Single(fixture.Fake.Requests);
        Assert.Equal(LanguageFixture.Deployment, request.Deployment);
        Assert.StartsWith($"/openai/deployments/{LanguageFixture.Deployment}/chat/completions?api-version=", request.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEmpty(request.ApiVersion);
        Assert.Equal(LanguageFixture.ApiKey, request.ApiKey);
        using JsonDocument body = JsonDocument.Parse(request.Body);
        JsonElement format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("taskforce_message", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Contains("1: Pier permit", request.Body, StringComparison.Ordinal);
        Assert.Contains("2: Feed barge", request.Body, StringComparison.Ordinal);
        AssertNothingOutsideScope(fixture);
    }

    [Fact]
    public async Task AnswerAsync_ToolCallRoundTrip_AnswersTheLeaderFromTheDatabase()
    {
        await using LanguageFixture fixture = await LanguageFixture.StartAsync(TimeSpan.FromSeconds(30));
        fixture.Fake.Reply(Recordings.OverdueToolCall);
        fixture.Fake.Reply(Recordings.OverdueAnswer);

        ModelOutcome<GroundedAnswer> outcome = await fixture.Services.GetRequiredService<GroundedAnswerer>()
            .AnswerAsync(LanguageFixture.Leader, "Which tasks are overdue?", "en-US", LanguageFixture.Today, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Fallback?.ToString());
        Assert.Equal("One task is overdue: Pier permit, due 2030-03-10, at 40%.", outcome.Value!.Text);
        Assert.Equal(["Pier permit (2030-03-10)"], outcome.Value.Sources);
        Assert.Equal(new TokenUsage(520 + 690, 18 + 22), outcome.Usage);
        RecordedRequest[] requests = [.. fixture.Fake.Requests];
        Assert.Equal(2, requests.Length);
        using JsonDocument first = JsonDocument.Parse(requests[0].Body);
        string[] tools = [.. first.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()!)];
        Assert.Equal(["list_tasks", "campaign_summary", "open_blockers", "reports_since", "meetings"], tools);
        using JsonDocument second = JsonDocument.Parse(requests[1].Body);
        JsonElement toolMessage = second.RootElement.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool");
        Assert.Equal("call_overdue", toolMessage.GetProperty("tool_call_id").GetString());
        Assert.Contains("Pier permit", toolMessage.GetProperty("content").ToString(), StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Equal(LanguageFixture.ApiKey, r.ApiKey));
        AssertNothingOutsideScope(fixture);
    }

    [Fact]
    public async Task RecognizeAsync_Throttled_FallsBackAfterOneRequest()
    {
        await using LanguageFixture fixture = await LanguageFixture.StartAsync(TimeSpan.FromSeconds(30));
        fixture.Fake.ReplyThrottled();

        ModelOutcome<Recognition> outcome = await fixture.Services.GetRequiredService<ModelRecognizer>()
            .RecognizeAsync("Pier permit 70%", await StaffContextAsync(fixture), CancellationToken.None);

        Assert.Equal(FallbackReason.Throttled, outcome.Fallback);
        Assert.Null(outcome.Value);
        Assert.Single(fixture.Fake.Requests);
    }

    [Fact]
    public async Task RecognizeAsync_SlowResponse_FallsBackAsTimeout()
    {
        await using LanguageFixture fixture = await LanguageFixture.StartAsync(TimeSpan.FromMilliseconds(300));
        fixture.Fake.Hang();

        ModelOutcome<Recognition> outcome = await fixture.Services.GetRequiredService<ModelRecognizer>()
            .RecognizeAsync("Pier permit 70%", await StaffContextAsync(fixture), CancellationToken.None);

        Assert.Equal(FallbackReason.Timeout, outcome.Fallback);
        Assert.Single(fixture.Fake.Requests);
    }

    [Fact]
    public async Task AnswerAsync_ServerError_FallsBack()
    {
        await using LanguageFixture fixture = await LanguageFixture.StartAsync(TimeSpan.FromSeconds(30));

        ModelOutcome<GroundedAnswer> outcome = await fixture.Services.GetRequiredService<GroundedAnswerer>()
            .AnswerAsync(LanguageFixture.Leader, "Which tasks are overdue?", "en-US", LanguageFixture.Today, CancellationToken.None);

        Assert.Equal(FallbackReason.ServerError, outcome.Fallback);
    }
}
