using System.Text.Json.Nodes;
using TaskForce.Activities.Schema;
using TaskForce.Dialogs.Rendering;

namespace TaskForce.Tests.Dialogs.Rendering;

public sealed class ActivityRendererTests
{
    private const string Reminder = "Meeting: weekly dispatch\nTime: 09:00\n\nBrief\n· red 2";

    [Theory]
    [InlineData("msteams")]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    public void ToActivity_MarkdownChannels_DoubleEachLineBreakSoNoLineIsJoined(string channelId)
    {
        BotActivity activity = ActivityRenderer.ToActivity(new OutgoingMessage(Reminder), channelId);

        Assert.Equal("Meeting: weekly dispatch\n\nTime: 09:00\n\nBrief\n\n· red 2", activity.Text);
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("slack")]
    [InlineData(null)]
    public void ToActivity_OtherChannels_KeepTheTextAsWritten(string? channelId)
    {
        BotActivity activity = ActivityRenderer.ToActivity(new OutgoingMessage(Reminder), channelId);

        Assert.Equal(Reminder, activity.Text);
    }

    [Fact]
    public void ToActivity_TeamsCard_KeepsTheSummaryAsWritten()
    {
        var message = new OutgoingMessage(Reminder) { Card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.4" } };

        BotActivity activity = ActivityRenderer.ToActivity(message, "msteams");

        Assert.Equal(Reminder, activity.Summary);
        Assert.Single(activity.Attachments!);
    }

    [Fact]
    public void ForChannel_TeamsWindowsLineEndings_AreNormalised()
    {
        Assert.Equal("a\n\nb", ActivityRenderer.ForChannel("a\r\nb", "msteams"));
    }

    [Theory]
    [InlineData("webchat", true, false)]
    [InlineData("webchat", false, true)]
    [InlineData("sms", true, true)]
    public void ToActivity_ButtonsAndCardActions_EachChoiceShownOnce(string channelId, bool cardHasActions, bool suggested)
    {
        JsonArray actions = cardHasActions ? [new JsonObject { ["type"] = "Action.Submit", ["title"] = "确认" }] : [];
        var message = new OutgoingMessage("请确认")
        {
            Card = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.4", ["actions"] = actions },
            Buttons = [new MessageButton("确认", "确认")],
        };

        BotActivity activity = ActivityRenderer.ToActivity(message, channelId);

        Assert.Equal(suggested, activity.SuggestedActions is { Actions.Count: > 0 });
    }
}
