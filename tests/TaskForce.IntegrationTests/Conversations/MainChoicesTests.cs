using TaskForce.IntegrationTests.Infrastructure;
using static TaskForce.IntegrationTests.Conversations.TestRoster;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>
/// A greeting gets a short answer and a message nobody can place a clarifying question, both with the four main
/// choices as buttons; pressing one does what it says.
/// </summary>
public sealed class MainChoicesTests
{
    [Theory]
    [InlineData("您好呀", "29:zhang", StaffAad, "zh-CN", "张伟")]
    [InlineData("hi there, thanks", "29:lee", EnglishCommanderAad, "en-US", "Andrew Lee")]
    public async Task Greeting_AnswersShortlyWithTheFourChoices(string message, string user, string aad, string locale, string name)
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);

        IReadOnlyList<Reply> replies = await host.Chat(user, aad, locale).SendAsync(message);

        Reply reply = replies[^1];
        Assert.Equal(Text("common", "greeting", locale, ("name", name)), reply.Text);
        Assert.Equal(Choices(locale), reply.Buttons);
    }

    [Fact]
    public async Task UnplaceableMessage_AsksWhichOfTheFourIsMeant()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);

        IReadOnlyList<Reply> replies = await host.Chat("29:zhang", StaffAad).SendAsync("楼下那家店");

        Reply reply = replies[^1];
        Assert.Equal(Text("common", "clarify"), reply.Text);
        Assert.Equal(Choices("zh-CN"), reply.Buttons);
    }

    [Fact]
    public async Task ChoiceButton_Report_StartsTheReportDialog()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(Yaml);
        ConversationDriver chat = host.Chat("29:zhang", StaffAad);
        await chat.SendAsync("您好呀");

        IReadOnlyList<Reply> replies = await chat.SendAsync(Text("common", "choice-report"));

        Assert.Contains(replies, r => r.Text.StartsWith(Prefix("report-progress", "choose-task"), StringComparison.Ordinal));
    }

    private static string[] Choices(string locale) =>
        [.. new[] { "choice-report", "choice-query", "choice-escalate", "choice-meeting" }.Select(key => Text("common", key, locale))];
}
