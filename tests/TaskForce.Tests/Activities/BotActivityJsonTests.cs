using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForce.Activities.Schema;

namespace TaskForce.Tests.Activities;

public sealed class BotActivityJsonTests
{
    private const string TeamsMessage = """
        {
          "Type": "message",
          "id": "1",
          "localTimestamp": "2030-03-04T09:30:00.000+08:00",
          "localTimezone": "Asia/Shanghai",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "channelId": "msteams",
          "from": { "id": "29:user", "aadObjectId": "aad-1" },
          "conversation": { "id": "a:1", "conversationType": "personal", "tenantId": "t-1" },
          "text": "hi",
          "channelData": { "tenant": { "id": "t-1" }, "custom": [1, 2] },
          "entities": [ { "type": "clientInfo", "locale": "zh-CN", "timezone": "Asia/Shanghai", "platform": "Web" } ],
          "somethingNew": { "nested": true }
        }
        """;

    [Fact]
    public void Deserialize_WrongCasingAndUnknownFields_ReadsAndKeepsThem()
    {
        BotActivity activity = JsonSerializer.Deserialize(TeamsMessage, ActivityJson.Default.BotActivity)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal(TimeSpan.FromHours(8), activity.LocalTimestamp!.Value.Offset);
        Assert.True(activity.Extra!.ContainsKey("somethingNew"));
        Assert.Equal("Asia/Shanghai", activity.Entities![0].AsClientInfo()!.Timezone);
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsChannelDataAndUnknownFieldsUnchanged()
    {
        BotActivity activity = JsonSerializer.Deserialize(TeamsMessage, ActivityJson.Default.BotActivity)!;

        JsonNode written = JsonNode.Parse(JsonSerializer.Serialize(activity, ActivityJson.Default.BotActivity))!;

        JsonNode original = JsonNode.Parse(TeamsMessage)!;
        Assert.True(JsonNode.DeepEquals(original["channelData"], written["channelData"]));
        Assert.True(JsonNode.DeepEquals(original["somethingNew"], written["somethingNew"]));
        Assert.Equal("2030-03-04T09:30:00+08:00", written["localTimestamp"]!.GetValue<string>());
    }

    [Fact]
    public void Serialize_Message_WritesCamelCaseAndOmitsNulls()
    {
        string json = JsonSerializer.Serialize(BotActivity.Message("hello"), ActivityJson.Default.BotActivity);

        Assert.Equal("""{"type":"message","text":"hello"}""", json);
    }

    [Fact]
    public void WithSuggestedActions_Titles_AddsImBackActions()
    {
        BotActivity activity = BotActivity.Message("pick").WithSuggestedActions("A", "B");

        Assert.Equal(["A", "B"], activity.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.All(activity.SuggestedActions.Actions, a => Assert.Equal(CardActionTypes.ImBack, a.Type));
        Assert.Equal("A", activity.SuggestedActions.Actions[0].Value!.Value.GetString());
    }

    [Fact]
    public void AdaptiveCard_NoVersion_SetsVersion14()
    {
        Attachment card = Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["body"] = new JsonArray() });

        Assert.Equal(ContentTypes.AdaptiveCard, card.ContentType);
        Assert.Equal("1.4", card.Content!.Value.GetProperty("version").GetString());
    }

    [Fact]
    public void AdaptiveCard_Version15_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Attachment.AdaptiveCard(new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5" }));
    }

    [Fact]
    public void Mention_ReadBack_GivesMentionedAccountAndText()
    {
        Entity entity = Entity.Mention(new ChannelAccount { Id = "29:u", Name = "Wang" }, "<at>Wang</at>");

        MentionEntity mention = entity.AsMention()!;

        Assert.Equal("29:u", mention.Mentioned.Id);
        Assert.Equal("<at>Wang</at>", mention.Text);
    }
}
