using TaskForce.Bot.Endpoints;
using TaskForce.Tests.Architecture;

namespace TaskForce.Tests.Bot;

public sealed class EchoTextsTests
{
    private static EchoTexts Load() => new(Path.Combine(DependencyRulesTests.RepoRoot(), "dialogs", "echo.yaml"));

    [Theory]
    [InlineData("echo")]
    [InlineData("echo-empty")]
    public void Get_EveryKey_HasBothLanguages(string key)
    {
        EchoTexts texts = Load();

        Assert.False(string.IsNullOrWhiteSpace(texts.Get(key, "zh-CN")));
        Assert.False(string.IsNullOrWhiteSpace(texts.Get(key, "en-US")));
        Assert.NotEqual(texts.Get(key, "zh-CN"), texts.Get(key, "en-US"));
    }

    [Fact]
    public void Get_EnglishVariantLocale_PicksEnglish()
    {
        EchoTexts texts = Load();

        Assert.Equal(texts.Get("echo", "en-US"), texts.Get("echo", "en-GB"));
    }

    [Fact]
    public void Get_UnknownKey_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => Load().Get("nope", "en-US"));
    }
}
