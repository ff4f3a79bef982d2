using Moq;
using TaskForce.Activities.Connector;
using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;

namespace TaskForce.Tests.Activities;

public sealed class TurnContextTests
{
    private static readonly ChannelAccount s_bot = new() { Id = "28:bot", Name = "TaskForce" };
    private static readonly ChannelAccount s_user = new() { Id = "29:user", Name = "Li" };

    private static BotActivity Incoming(string text, IReadOnlyList<Entity>? entities = null, string? locale = null, string? timezone = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = "in-1",
        ChannelId = "msteams",
        ServiceUrl = "http://localhost:56150/_connector",
        From = s_user,
        Recipient = s_bot,
        Conversation = new ConversationAccount { Id = "19:g@thread.v2", ConversationType = "groupChat" },
        Text = text,
        Locale = locale,
        LocalTimezone = timezone,
        Entities = entities,
    };

    [Fact]
    public void Text_BotMentioned_StripsMentionAndTrims()
    {
        Entity mention = Entity.Mention(s_bot, "<at>TaskForce Bot</at>");
        Entity other = Entity.Mention(s_user, "<at>Li</at>");

        var turn = new TurnContext(Incoming("<at>TaskForce Bot</at> remind <at>Li</at> ", [mention, other]), Mock.Of<IConnectorClient>(), null, "Asia/Shanghai");

        Assert.Equal("remind <at>Li</at>", turn.Text);
    }

    [Fact]
    public void LocaleAndTimeZone_OnlyClientInfo_ComeFromClientInfo()
    {
        Entity clientInfo = new()
        {
            Type = "clientInfo",
            Properties = new(StringComparer.Ordinal)
            {
                ["locale"] = System.Text.Json.JsonSerializer.SerializeToElement("en-US", ActivityJson.Default.String),
                ["timezone"] = System.Text.Json.JsonSerializer.SerializeToElement("Europe/Berlin", ActivityJson.Default.String),
            },
        };

        var turn = new TurnContext(Incoming("hi", [clientInfo]), Mock.Of<IConnectorClient>(), null, "Asia/Shanghai");

        Assert.Equal("en-US", turn.Locale);
        Assert.Equal("Europe/Berlin", turn.TimeZone);
    }

    [Fact]
    public void TimeZone_NothingSent_IsConfiguredDefault()
    {
        var turn = new TurnContext(Incoming("hi"), Mock.Of<IConnectorClient>(), null, "Asia/Shanghai");

        Assert.Equal("Asia/Shanghai", turn.TimeZone);
        Assert.Null(turn.Locale);
    }

    [Fact]
    public async Task SendAsync_NormalDelivery_RepliesAddressedToSender()
    {
        var connector = new Mock<IConnectorClient>();
        connector.Setup(c => c.ReplyToActivityAsync(It.IsAny<ConversationReference>(), "in-1", It.IsAny<BotActivity>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ConnectorResult { Outcome = ConnectorOutcome.Sent });
        var turn = new TurnContext(Incoming("hi", locale: "zh-CN"), connector.Object, null, "Asia/Shanghai");

        await turn.SendAsync(BotActivity.Message("ok"), CancellationToken.None);

        connector.Verify(c => c.ReplyToActivityAsync(
            It.Is<ConversationReference>(r => r.ServiceUrl == "http://localhost:56150/_connector"),
            "in-1",
            It.Is<BotActivity>(a => a.From == s_bot && a.Recipient == s_user && a.Conversation!.Id == "19:g@thread.v2"
                && a.ChannelId == "msteams" && a.ReplyToId == "in-1" && a.Locale == "zh-CN"),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendAsync_ExpectReplies_BuffersAndCallsNoConnector()
    {
        var connector = new Mock<IConnectorClient>(MockBehavior.Strict);
        var turn = new TurnContext(Incoming("hi") with { DeliveryMode = DeliveryModes.ExpectReplies }, connector.Object, null, "Asia/Shanghai");

        ConnectorResult? result = await turn.SendAsync(BotActivity.Message("ok"), CancellationToken.None);
        await turn.SendTypingAsync(CancellationToken.None);

        Assert.Null(result);
        Assert.Equal([ActivityTypes.Message, ActivityTypes.Typing], turn.BufferedReplies.Select(a => a.Type));
    }
}
