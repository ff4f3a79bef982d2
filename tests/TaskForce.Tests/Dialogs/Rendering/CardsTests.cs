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
}
