using Microsoft.Extensions.AI;
using TaskForce.Dialogs.Language;

namespace TaskForce.Tests.Dialogs.Language;

public sealed class BriefSummarizerTests : IDisposable
{
    private static readonly IReadOnlyList<(string Task, string Text, DateTimeOffset At)> Reports =
    [
        ("Pier permit", "70%, waiting for the sea-use permit", TwoCampaigns.Now.AddDays(-1)),
        ("Feed barge", "hull welded", TwoCampaigns.Now.AddDays(-3)),
    ];

    private readonly LanguageTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task SummarizeReportsAsync_Reports_ReturnsTheModelsSummaryInOrderOfTime()
    {
        _kit.Reply(LanguageTestKit.Text("Pier permit is behind; the barge hull is welded."));

        ModelOutcome<string> outcome = await new BriefSummarizer(_kit.Client).SummarizeReportsAsync(Reports, "en-US", CancellationToken.None);

        Assert.Equal("Pier permit is behind; the barge hull is welded.", outcome.Value);
        List<ChatMessage> messages = Assert.Single(_kit.Requests).Messages;
        Assert.Contains("Write in English.", messages[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("[2030-03-11] Feed barge: hull welded", messages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeReportsAsync_SummariesSwitchedOff_NotConfiguredWithoutACall()
    {
        var kit = new LanguageTestKit(new LanguageModelOptions { Endpoint = "https://unit.test/", Deployment = "d", SummarizeBriefs = false });
        using (kit)
        {
            ModelOutcome<string> outcome = await new BriefSummarizer(kit.Client).SummarizeReportsAsync(Reports, "zh-CN", CancellationToken.None);

            Assert.Equal(FallbackReason.NotConfigured, outcome.Fallback);
            Assert.Empty(kit.Requests);
        }
    }

    [Fact]
    public async Task SummarizeReportsAsync_ModelFails_FallsBack()
    {
        _kit.Throw(new HttpRequestException("down"));

        ModelOutcome<string> outcome = await new BriefSummarizer(_kit.Client).SummarizeReportsAsync(Reports, "zh-CN", CancellationToken.None);

        Assert.Equal(FallbackReason.Failed, outcome.Fallback);
    }
}
