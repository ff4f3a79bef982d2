using System.Text.Json.Nodes;
using TaskForce.Activities.Schema;
using TaskForce.Dialogs.Rendering;

namespace TaskForce.Tests.Dialogs.Rendering;

public sealed class ActivityRendererTests
{
    private const string Reminder = "Meeting: weekly dispatch\nTime: 09:00\n\nBrief\n· red 2";

    [Fact]
    public void ToActivity_TeamsText_DoublesEachLineBreakSoNoLineIsJoined()
    {
        BotActivity activity = ActivityRenderer.ToActivity(new OutgoingMessage(Reminder), "msteams");

        Assert.Equal("Meeting: weekly dispatch\n\nTime: 09:00\n\nBrief\n\n· red 2", activity.Text);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
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
}
