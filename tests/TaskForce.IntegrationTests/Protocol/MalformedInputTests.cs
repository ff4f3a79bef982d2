using System.Net;
using System.Text;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Protocol;

public sealed class MalformedInputTests : IAsyncLifetime
{
    private ProtocolHost _host = null!;

    public async Task InitializeAsync() => _host = await ProtocolHost.StartAsync(withAppId: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_host.Connector.Calls);
        HttpResponseMessage health = await _host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private string Valid() => TestActivities.Message(_host.Connector.ServiceUrl, "hi").ToJsonString();

    [Fact]
    public async Task Post_NotJson_Returns400ProblemDetails()
    {
        HttpResponseMessage response = await TestActivities.PostRawAsync(_host.Client, "this is not json"u8.ToArray());

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_JsonArray_Returns400()
    {
        await AssertRefusedAsync(await TestActivities.PostRawAsync(_host.Client, Encoding.UTF8.GetBytes($"[{Valid()}]")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_MissingType_Returns400()
    {
        string body = Valid().Replace("\"type\":\"message\",", "", StringComparison.Ordinal);

        await AssertRefusedAsync(await TestActivities.PostRawAsync(_host.Client, Encoding.UTF8.GetBytes(body)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_TenMegabyteBody_Returns413()
    {
        byte[] body = Encoding.UTF8.GetBytes($"{{\"type\":\"message\",\"text\":\"{new string('x', 10 * 1024 * 1024)}\"}}");

        await AssertRefusedAsync(await TestActivities.PostRawAsync(_host.Client, body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_ThousandDeepNesting_Returns400()
    {
        string nested = string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000);
        string body = $"{{\"type\":\"message\",\"channelData\":{nested}}}";

        await AssertRefusedAsync(await TestActivities.PostRawAsync(_host.Client, Encoding.UTF8.GetBytes(body)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_WrongFieldTypes_Returns400()
    {
        string body = Valid().Replace("\"text\":\"hi\"", "\"text\":{\"not\":\"a string\"}", StringComparison.Ordinal);

        await AssertRefusedAsync(await TestActivities.PostRawAsync(_host.Client, Encoding.UTF8.GetBytes(body)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_InvalidUtf8_Returns400()
    {
        byte[] valid = Encoding.UTF8.GetBytes(Valid().Replace("\"hi\"", "\"h?\"", StringComparison.Ordinal));
        int index = Array.IndexOf(valid, (byte)'?');
        valid[index] = 0xC3;
        byte[] body = [.. valid[..(index + 1)], 0x28, .. valid[(index + 1)..]];

        await AssertRefusedAsync(await TestActivities.PostRawAsync(_host.Client, body), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_TextPlainContentType_Returns415()
    {
        await AssertRefusedAsync(
            await TestActivities.PostRawAsync(_host.Client, Encoding.UTF8.GetBytes(Valid()), "text/plain"), HttpStatusCode.UnsupportedMediaType);
    }
}
