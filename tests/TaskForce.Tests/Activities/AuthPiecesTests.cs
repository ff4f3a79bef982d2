using Microsoft.Extensions.Options;
using Moq;
using TaskForce.Activities.Auth;

namespace TaskForce.Tests.Activities;

public sealed class AuthPiecesTests
{
    [Theory]
    [InlineData("http://localhost:56150/_connector", true)]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://[::1]:3978/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", false)]
    [InlineData("http://localhost.evil.com/", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsLoopbackUrl_Url_Classifies(string url, bool expected) => Assert.Equal(expected, Loopback.IsLoopbackUrl(url));

    [Theory]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:80", false)]
    public void IsLoopbackListenAddress_Address_Classifies(string address, bool expected) =>
        Assert.Equal(expected, Loopback.IsLoopbackListenAddress(address));

    [Theory]
    [InlineData(BotAppType.MultiTenant, "https://login.microsoftonline.com/botframework.com")]
    [InlineData(BotAppType.SingleTenant, "https://login.microsoftonline.com/tenant-1")]
    [InlineData(BotAppType.UserAssignedMSI, null)]
    public void AuthorityFor_AppType_PicksAuthority(BotAppType type, string? expected)
    {
        var options = new BotOptions { MicrosoftAppId = "app", MicrosoftAppType = type, MicrosoftAppTenantId = "tenant-1" };

        Assert.Equal(expected, MsalTokenProvider.AuthorityFor(options));
    }

    [Fact]
    public async Task GetTokenAsync_DevelopmentMode_ReturnsNoToken()
    {
        var provider = new MsalTokenProvider(Options.Create(new BotOptions()));

        Assert.Null(await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));
    }

    [Theory]
    [InlineData(BotAppType.SingleTenant, null, "secret", "MicrosoftAppTenantId")]
    [InlineData(BotAppType.MultiTenant, null, null, "MicrosoftAppPassword")]
    [InlineData(BotAppType.UserAssignedMSI, "tenant", "secret", "must be empty")]
    public void Check_IncompleteAppSettings_NamesTheMissingKey(BotAppType type, string? tenant, string? secret, string expected)
    {
        var options = new BotOptions { MicrosoftAppId = "app", MicrosoftAppType = type, MicrosoftAppTenantId = tenant, MicrosoftAppPassword = secret };

        Assert.Contains(expected, BotOptionsRules.Check(options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsTrustedAsync_UnknownUrl_IsNotTrusted()
    {
        var trust = new ServiceUrlTrust(Options.Create(new BotOptions()));

        Assert.False(await trust.IsTrustedAsync("https://evil.example.com/", CancellationToken.None));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/gcch")]
    [InlineData("https://directline.botframework.com/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://directline.botframework.azure.us/")]
    public async Task IsTrustedAsync_MicrosoftChannelHost_IsTrusted(string serviceUrl)
    {
        var trust = new ServiceUrlTrust(Options.Create(new BotOptions()));

        Assert.True(await trust.IsTrustedAsync(serviceUrl, CancellationToken.None));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net.evil.example.com/amer/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://botframework.com@evil.example.com/")]
    [InlineData("https://user@directline.botframework.com/")]
    [InlineData("https://127.0.0.1:9/")]
    public async Task IsTrustedAsync_LookalikeOrPlainHttpHost_IsNotTrusted(string serviceUrl)
    {
        var trust = new ServiceUrlTrust(Options.Create(new BotOptions()));

        Assert.False(await trust.IsTrustedAsync(serviceUrl, CancellationToken.None));
    }

    [Fact]
    public async Task IsTrustedAsync_ConfiguredPrefix_TrustsUrlsBelowItOnly()
    {
        var options = new BotOptions();
        options.TrustedServiceUrls.Add("https://bots.example.org/connector/");
        var trust = new ServiceUrlTrust(Options.Create(options));

        Assert.True(await trust.IsTrustedAsync("https://bots.example.org/connector/tenant-1/", CancellationToken.None));
        Assert.False(await trust.IsTrustedAsync("https://bots.example.org/connectorx/", CancellationToken.None));
    }

    [Fact]
    public async Task IsTrustedAsync_AssertedBeforeRestart_IsTrustedFromTheStore()
    {
        var store = new Mock<IServiceUrlStore>();
        store.Setup(s => s.IsTrustedAsync("https://bots.example.org/emea", It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var trust = new ServiceUrlTrust(Options.Create(new BotOptions()), store.Object);

        Assert.True(await trust.IsTrustedAsync("https://bots.example.org/emea/", CancellationToken.None));
    }

    [Fact]
    public async Task RememberAssertedAsync_NewUrl_IsTrustedAndStoredOnce()
    {
        var store = new Mock<IServiceUrlStore>();
        var trust = new ServiceUrlTrust(Options.Create(new BotOptions()), store.Object);

        await trust.RememberAssertedAsync("https://bots.example.org/apac/", CancellationToken.None);
        await trust.RememberAssertedAsync("https://bots.example.org/apac", CancellationToken.None);

        Assert.True(await trust.IsTrustedAsync("https://bots.example.org/apac", CancellationToken.None));
        store.Verify(s => s.RememberAsync("https://bots.example.org/apac", It.IsAny<CancellationToken>()), Times.Once);
    }
}
