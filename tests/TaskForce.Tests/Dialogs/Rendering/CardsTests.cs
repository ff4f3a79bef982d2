using System.Text.Json.Nodes;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Rendering;

namespace TaskForce.Tests.Dialogs.Rendering;

public sealed class CardsTests
{
    [Theory]
    [InlineData(Light.Green, "Good")]
    [InlineData(Light.Yellow, "Warning")]
    [InlineData(Light.Red, "Attention")]
    [InlineData(Light.Done, "Default")]
    public void Light_IsABoldWordInItsColour(Light light, string colour)
    {
        JsonObject block = Cards.Light("黄灯（落后序时进度 18 个百分点）", light);

        Assert.Equal(colour, (string?)block["color"]);
        Assert.Equal("Bolder", (string?)block["weight"]);
        Assert.Equal("黄灯（落后序时进度 18 个百分点）", (string?)block["text"]);
        Assert.True((bool?)block["wrap"]);
    }

    [Fact]
    public void Facts_LabelsNeverWrapAndValuesDo()
    {
        JsonObject facts = Cards.Facts([("完成进度", "60% · 进行中"), ("存在问题", "管线迁改尚未完成，需要住建部门协调")]);

        JsonArray rows = facts["items"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row =>
        {
            JsonArray columns = row!["columns"]!.AsArray();
            Assert.Equal("auto", (string?)columns[0]!["width"]);
            Assert.False((bool?)columns[0]!["items"]![0]!["wrap"]);
            Assert.Equal("stretch", (string?)columns[1]!["width"]);
            Assert.True((bool?)columns[1]!["items"]![0]!["wrap"]);
        });
        Assert.Equal("完成进度", (string?)rows[0]!["columns"]![0]!["items"]![0]!["text"]);
    }
}
