using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core.Roster;
using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// The reply language: the member's choice in the chat, else the roster's locale, else the language of the message,
/// else the client's locale, else Bot:DefaultLocale; never mixed within one reply.
/// </summary>
public sealed class ReplyLanguageTests
{
    private const string En = "en-US";

    [Fact]
    public async Task RosterLeavesItOpen_ChineseMessageFromAnEnglishBrowser_AnsweredInChinese()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad, En);

        IReadOnlyList<Reply> chinese = await chat.SendAsync("帮助");
        IReadOnlyList<Reply> english = await chat.SendAsync("help");

        // The first answer also greets (the account was linked by its Entra id): in the same language as the rest.
        Assert.Equal(Text("help", "staff"), chinese[^1].Text);
        Assert.All(chinese, r => Assert.Matches("[\u4e00-\u9fff]", r.Text));
        Assert.Equal(Text("help", "staff", En), english[^1].Text);
    }

    [Fact]
    public async Task RosterLeavesItOpen_MessageWithoutWords_FollowsTheClient()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);

        IReadOnlyList<Reply> replies = await host.Chat("29:zhang", StaffAad, En).SendAsync("70%");

        Assert.StartsWith(Prefix("report-progress", "choose-task", En), replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientSendsNoLocale_DefaultLocaleSettingDecides()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml, extraSettings: new Dictionary<string, string?> { ["Bot:DefaultLocale"] = En });
        ConversationDriver chat = host.Chat("29:zhang", StaffAad, locale: "");

        IReadOnlyList<Reply> replies = await chat.SendAsync("70%");

        Assert.StartsWith(Prefix("report-progress", "choose-task", En), replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChosenLanguage_WinsOverTheMessageAndSurvivesARosterImport()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("English");
        RosterImportResult result = await host.App.Services.GetRequiredService<RosterImporter>()
            .ImportAsync(new StringReader(Yaml), "test-roster.yaml", "test", CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        IReadOnlyList<Reply> replies = await chat.SendAsync("帮助");

        Assert.Equal(Text("help", "staff", En), replies[^1].Text);
    }
}
