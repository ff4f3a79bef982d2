using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using TaskForce.Dialogs.Language;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Language;

public sealed class ModelRecognizerTests : IDisposable
{
    private static readonly RecognitionContext Context = new(
        TwoCampaigns.Today,
        [new TaskCandidate(11, "海洋牧场码头", null, [], 1), new TaskCandidate(12, "饲料驳船", null, [], 2)],
        [new NamedCandidate(5, "市场监管局", "Market Bureau", []), new NamedCandidate(6, "海洋局", null, [])],
        []);

    private readonly LanguageTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private ModelRecognizer Recognizer => new(_kit.Client, NullLogger<ModelRecognizer>.Instance);

    private static string Output(string intent = "ReportProgress", string taskId = "11", string percent = "70", string departments = "[]", string status = "\"Behind\"") => $$"""
        {"intent":"{{intent}}","task_id":{{taskId}},"percent":{{percent}},"status":{{status}},"note":"next week pour the deck",
         "blocker_text":"waiting for the sea-use permit","department_ids":{{departments}},"severity":"High",
         "due_date":"2030-03-20","date_from":null,"date_to":null}
        """;

    [Fact]
    public async Task RecognizeAsync_ValidOutput_MapsToTheRuleRecognizersSlots()
    {
        _kit.Reply(LanguageTestKit.Text(Output(departments: "[5, 99]"), prompt: 321, completion: 45));

        ModelOutcome<Recognition> outcome = await Recognizer.RecognizeAsync(" 码头完成70%，等海域使用证 ", Context, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Recognition recognition = outcome.Value!;
        Assert.Equal(Intent.ReportProgress, recognition.Intent);
        Assert.Equal([11L], recognition.Entities.TaskIds);
        Assert.Equal(70, recognition.Entities.Percent);
        Assert.Equal(ReportStatus.Behind, recognition.Entities.Status);
        Assert.Equal("next week pour the deck", recognition.Entities.Note);
        Assert.Equal("waiting for the sea-use permit", recognition.Entities.BlockerText);
        Assert.Equal([5L], recognition.Entities.DepartmentIds);
        Assert.Equal(Severity.High, recognition.Entities.Severity);
        Assert.Equal(new DateOnly(2030, 3, 20), recognition.Entities.DueDate);
        Assert.Equal("码头完成70%，等海域使用证", recognition.NormalizedText);
        Assert.Equal(new TokenUsage(321, 45), outcome.Usage);
    }

    [Fact]
    public async Task RecognizeAsync_Always_SendsSchemaAndOnlyCandidateIdsAndTitles()
    {
        _kit.Reply(LanguageTestKit.Text(Output()));

        await Recognizer.RecognizeAsync("码头完成70%", Context, CancellationToken.None);

        (List<ChatMessage> messages, ChatOptions? options) = Assert.Single(_kit.Requests);
        ChatResponseFormatJson format = Assert.IsType<ChatResponseFormatJson>(options!.ResponseFormat);
        Assert.Equal("taskforce_message", format.SchemaName);
        Assert.Contains("11: 海洋牧场码头", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("12: 饲料驳船", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal("码头完成70%", messages[1].Text);
    }

    [Fact]
    public async Task RecognizeAsync_TaskIdNotAmongCandidates_TaskIsUnknown()
    {
        _kit.Reply(LanguageTestKit.Text(Output(taskId: "3")));

        ModelOutcome<Recognition> outcome = await Recognizer.RecognizeAsync("runway hall 70%", Context, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Empty(outcome.Value!.Entities.TaskIds);
        Assert.Equal(70, outcome.Value.Entities.Percent);
    }

    [Fact]
    public async Task RecognizeAsync_UnknownIntent_IsNone()
    {
        _kit.Reply(LanguageTestKit.Text(Output(intent: "DeleteEverything")));

        ModelOutcome<Recognition> outcome = await Recognizer.RecognizeAsync("码头完成70%", Context, CancellationToken.None);

        Assert.Equal(Intent.None, outcome.Value!.Intent);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"intent":"ReportProgress"}""")]
    [InlineData("""{"intent":"ReportProgress","task_id":"eleven","percent":70,"status":null,"note":null,"blocker_text":null,"department_ids":[],"severity":null,"due_date":null,"date_from":null,"date_to":null}""")]
    [InlineData("""{"intent":"ReportProgress","task_id":11,"percent":70,"status":null,"note":null,"blocker_text":null,"department_ids":[],"severity":null,"due_date":null,"date_from":null,"date_to":null,"extra":1}""")]
    [InlineData("""{"intent":"ReportProgress","task_id":11,"percent":150,"status":null,"note":null,"blocker_text":null,"department_ids":[],"severity":null,"due_date":null,"date_from":null,"date_to":null}""")]
    [InlineData("""{"intent":"ReportProgress","task_id":11,"percent":70,"status":"Sleeping","note":null,"blocker_text":null,"department_ids":[],"severity":null,"due_date":null,"date_from":null,"date_to":null}""")]
    [InlineData("""{"intent":"ReportProgress","task_id":11,"percent":70,"status":null,"note":null,"blocker_text":null,"department_ids":[],"severity":null,"due_date":"next Friday","date_from":null,"date_to":null}""")]
    public async Task RecognizeAsync_OutputOutsideTheSchema_FallsBackAsInvalidOutput(string output)
    {
        _kit.Reply(LanguageTestKit.Text(output));

        ModelOutcome<Recognition> outcome = await Recognizer.RecognizeAsync("码头完成70%", Context, CancellationToken.None);

        Assert.Null(outcome.Value);
        Assert.Equal(FallbackReason.InvalidOutput, outcome.Fallback);
        Assert.Equal(1, _kit.MeterFactory.Sum("taskforce.llm.fallbacks", "reason", "invalid_output"));
    }

    [Fact]
    public async Task RecognizeAsync_ClientRequestFails_FallsBackWithoutThrowing()
    {
        _kit.Throw(new ClientResultException("connection reset"));

        ModelOutcome<Recognition> outcome = await Recognizer.RecognizeAsync("码头完成70%", Context, CancellationToken.None);

        Assert.Equal(FallbackReason.Failed, outcome.Fallback);
        Assert.Equal(1, _kit.MeterFactory.Sum("taskforce.llm.fallbacks", "reason", "failed"));
    }

    [Fact]
    public async Task RecognizeAsync_NetworkFails_FallsBackWithoutThrowing()
    {
        _kit.Throw(new HttpRequestException("no route to host"));

        ModelOutcome<Recognition> outcome = await Recognizer.RecognizeAsync("码头完成70%", Context, CancellationToken.None);

        Assert.Equal(FallbackReason.Failed, outcome.Fallback);
    }

    [Fact]
    public async Task RecognizeAsync_BugInTheClient_IsNotSwallowed()
    {
        _kit.Throw(new InvalidOperationException("bug"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Recognizer.RecognizeAsync("码头完成70%", Context, CancellationToken.None));
    }

    [Fact]
    public async Task RecognizeAsync_NoReplyWithinTimeout_FallsBackAsTimeout()
    {
        _kit.Hang();
        Task<ModelOutcome<Recognition>> pending = Recognizer.RecognizeAsync("码头完成70%", Context, CancellationToken.None);
        Assert.False(pending.IsCompleted);

        _kit.Time.Advance(_kit.Options.Timeout);
        ModelOutcome<Recognition> outcome = await pending;

        Assert.Equal(FallbackReason.Timeout, outcome.Fallback);
        Assert.Equal(1, _kit.MeterFactory.Sum("taskforce.llm.fallbacks", "reason", "timeout"));
    }

    [Fact]
    public async Task RecognizeAsync_CallerCancels_Propagates()
    {
        _kit.Hang();
        using var shutdown = new CancellationTokenSource();
        Task<ModelOutcome<Recognition>> pending = Recognizer.RecognizeAsync("码头完成70%", Context, shutdown.Token);

        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task RecognizeAsync_Succeeds_CountsTokensByKind()
    {
        _kit.Reply(LanguageTestKit.Text(Output(), prompt: 300, completion: 40));

        await Recognizer.RecognizeAsync("码头完成70%", Context, CancellationToken.None);

        Assert.Equal(300, _kit.MeterFactory.Sum("taskforce.llm.tokens", "kind", "prompt"));
        Assert.Equal(40, _kit.MeterFactory.Sum("taskforce.llm.tokens", "kind", "completion"));
    }

    [Fact]
    public async Task RecognizeAsync_NoChatClient_NotConfiguredWithoutACall()
    {
        var client = new LanguageModelClient(
            null, Microsoft.Extensions.Options.Options.Create(new LanguageModelOptions()), _kit.Metrics, _kit.Time, NullLogger<LanguageModelClient>.Instance);

        ModelOutcome<Recognition> outcome = await new ModelRecognizer(client, NullLogger<ModelRecognizer>.Instance)
            .RecognizeAsync("码头完成70%", Context, CancellationToken.None);

        Assert.Equal(FallbackReason.NotConfigured, outcome.Fallback);
        Assert.Empty(_kit.Requests);
    }
}
