using TaskForce.IntegrationTests.Infrastructure;
using TaskForce.IntegrationTests.Language;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>The whole path over /api/messages with Azure OpenAI configured against a local fake service.</summary>
public sealed class LanguageModelConversationTests
{
    [Fact]
    public async Task LeaderOpenQuestion_ModelConfigured_AnsweredThroughScopedTools()
    {
        await using FakeAzureOpenAI model = await FakeAzureOpenAI.StartAsync();
        model.Reply(Recordings.OverdueToolCall);
        model.Reply(Recordings.OverdueAnswer);
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml, extraSettings: Settings(model));
        ConversationDriver chat = host.Chat("29:sun", CommanderAad);

        IReadOnlyList<Reply> replies = await chat.SendAsync("哪些事需要我出面协调?");

        Assert.Contains("One task is overdue", replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(2, model.Requests.Count);
        Assert.All(model.Requests, r => Assert.DoesNotContain("首店引进二十家", r.Body, StringComparison.Ordinal)); // the other campaign
    }

    [Fact]
    public async Task Report_ModelThrottled_RulesServeWithOneLineNote()
    {
        await using FakeAzureOpenAI model = await FakeAzureOpenAI.StartAsync();
        model.ReplyThrottled();
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml, extraSettings: Settings(model));
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);

        IReadOnlyList<Reply> replies = await chat.SendAsync("海洋牧场 完成70% 本周完成招标");

        Assert.Equal(Text("language", "fallback-note"), replies[0].Text);
        Assert.Contains("70%", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ModelExtracts_StillConfirmsBeforeSaving()
    {
        await using FakeAzureOpenAI model = await FakeAzureOpenAI.StartAsync();
        model.Reply(Recordings.Extraction);
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml, extraSettings: Settings(model));
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);

        IReadOnlyList<Reply> replies = await chat.SendAsync("marine ranch is at seventy, waiting for the sea-use permit");

        Assert.Contains(replies, r => r.HasCard && r.Text.Contains("70%", StringComparison.Ordinal));
        Assert.Equal(0, await host.ScalarAsync("SELECT COUNT(*) FROM Reports;"));
    }

    private static Dictionary<string, string?> Settings(FakeAzureOpenAI model) => new(StringComparer.Ordinal)
    {
        ["AzureOpenAI:Endpoint"] = model.Endpoint.ToString(),
        ["AzureOpenAI:Deployment"] = "gpt-4o",
        ["AzureOpenAI:ApiKey"] = "test-key",
    };
}
