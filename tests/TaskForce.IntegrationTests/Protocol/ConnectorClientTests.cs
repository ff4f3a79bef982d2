using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Connector;
using TaskForce.Activities.Schema;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Protocol;

public sealed class ConnectorClientTests : IAsyncLifetime, IDisposable
{
    private static readonly ConnectorOptions s_retry = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(20) };

    private readonly SignallingTimeProvider _time = new(new DateTimeOffset(2030, 3, 4, 1, 30, 0, TimeSpan.Zero));
    private readonly FixedTokenProvider _tokens = new();
    private readonly HttpClient _http = new();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync(_time);

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _time.Dispose();
    }

    private ConversationReference Reference(string conversationId = "a:conversation-1") => new()
    {
        ServiceUrl = _connector.ServiceUrl + "/",
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = conversationId },
    };

    private ConnectorClient Client(bool developmentMode = false, bool trusted = true)
    {
        var bot = new BotOptions { MicrosoftAppId = developmentMode ? null : ProtocolHost.AppId, MicrosoftAppPassword = "secret" };
        if (trusted)
        {
            bot.TrustedServiceUrls.Add(_connector.ServiceUrl);
        }

        var trust = new ServiceUrlTrust(Options.Create(bot));

        return new ConnectorClient(_http, _tokens, trust, Options.Create(bot), Options.Create(s_retry), _time, NullLogger<ConnectorClient>.Instance);
    }

    [Fact]
    public async Task SendToConversationAsync_TrustedServiceUrl_PostsWithBearerToken()
    {
        ConnectorResult result = await Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal("reply-1", result.ActivityId);
        ConnectorCall call = Assert.Single(_connector.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/_connector/v3/conversations/a%3Aconversation-1/activities", call.Path);
        Assert.Equal($"Bearer {FixedTokenProvider.DefaultToken}", call.Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_UntrustedServiceUrl_SendsNothing()
    {
        ConnectorResult result = await Client(trusted: false).SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("UntrustedServiceUrl", result.ErrorCode);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_DevelopmentMode_SendsNoAuthorization()
    {
        ConnectorResult result = await Client(developmentMode: true, trusted: false).SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Null(Assert.Single(_connector.Calls).Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfterThen200_WaitsExactlyRetryAfter()
    {
        _connector.Enqueue(new ConnectorAnswer(HttpStatusCode.TooManyRequests, RetryAfterSeconds: 2));

        Task<ConnectorResult> sending = Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);
        await _time.WaitForTimerAsync();
        _time.Advance(TimeSpan.FromMilliseconds(1900));
        int callsBeforeDue = _connector.Calls.Count;
        _time.Advance(TimeSpan.FromMilliseconds(100));
        ConnectorResult result = await sending;

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(1, callsBeforeDue);
        IReadOnlyList<ConnectorCall> calls = _connector.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), calls[1].At - calls[0].At);
    }

    [Fact]
    public async Task SendToConversationAsync_500ThreeTimes_RetriesWithBackoffThenSends()
    {
        _connector.Enqueue(
            new ConnectorAnswer(HttpStatusCode.InternalServerError),
            new ConnectorAnswer(HttpStatusCode.InternalServerError),
            new ConnectorAnswer(HttpStatusCode.InternalServerError));

        Task<ConnectorResult> sending = Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);
        for (int retry = 0; retry < 3; retry++)
        {
            await _time.WaitForTimerAsync();
            _time.Advance(s_retry.MaxDelay);
        }

        ConnectorResult result = await sending;

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        IReadOnlyList<ConnectorCall> calls = _connector.Calls;
        Assert.Equal(4, calls.Count);
        Assert.All(calls.Zip(calls.Skip(1)), pair => Assert.True(pair.Second.At > pair.First.At, "a retry did not wait"));
    }

    [Fact]
    public async Task SendToConversationAsync_429EveryTime_ReturnsRetryLaterWithLastRetryAfter()
    {
        for (int i = 0; i < 4; i++)
        {
            _connector.Enqueue(new ConnectorAnswer(HttpStatusCode.TooManyRequests, RetryAfterSeconds: 1 + i));
        }

        Task<ConnectorResult> sending = Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);
        for (int retry = 0; retry < 3; retry++)
        {
            await _time.WaitForTimerAsync();
            _time.Advance(TimeSpan.FromSeconds(1 + retry));
        }

        ConnectorResult result = await sending;

        Assert.Equal(ConnectorOutcome.RetryLater, result.Outcome);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), result.RetryAfter);
        Assert.Equal(4, _connector.Calls.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_RetryAfterLongerThanMaxDelay_ReturnsRetryLaterAtOnce()
    {
        _connector.Enqueue(new ConnectorAnswer(HttpStatusCode.TooManyRequests, RetryAfterSeconds: 120));

        ConnectorResult result = await Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.RetryLater, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_403Roster_ReturnsConversationDeadWithoutRetry()
    {
        _connector.Enqueue(ConnectorAnswer.Roster());

        ConnectorResult result = await Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.ConversationDead, result.Outcome);
        Assert.Equal("BotNotInConversationRoster", result.ErrorCode);
        Assert.Equal(403, result.StatusCode);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_403MessageWritesBlockedSubCode_ReturnsConversationDead()
    {
        _connector.Enqueue(new ConnectorAnswer(HttpStatusCode.Forbidden, """{"error":{"code":"Forbidden","subCode":"MessageWritesBlocked","message":"blocked"}}"""));

        ConnectorResult result = await Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.ConversationDead, result.Outcome);
        Assert.Equal("MessageWritesBlocked", result.ErrorCode);
    }

    [Fact]
    public async Task SendToConversationAsync_404ConversationNotFound_ReturnsConversationDead()
    {
        _connector.Enqueue(new ConnectorAnswer(HttpStatusCode.NotFound, """{"error":{"code":"ConversationNotFound","message":"gone"}}"""));

        ConnectorResult result = await Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.ConversationDead, result.Outcome);
    }

    [Fact]
    public async Task SendToConversationAsync_400_ReturnsPermanentFailure()
    {
        _connector.Enqueue(new ConnectorAnswer(HttpStatusCode.BadRequest, """{"error":{"code":"BadArgument","message":"no"}}"""));

        ConnectorResult result = await Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("BadArgument", result.ErrorCode);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task SendToConversationAsync_401_RefreshesTokenOnceAndResends()
    {
        _connector.Enqueue(new ConnectorAnswer(HttpStatusCode.Unauthorized));

        ConnectorResult result = await Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal(1, _tokens.ForcedRefreshes);
        Assert.Equal(2, _connector.Calls.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_202WithoutBody_IsSent()
    {
        _connector.Enqueue(new ConnectorAnswer(HttpStatusCode.Accepted));

        ConnectorResult result = await Client().SendToConversationAsync(Reference(), BotActivity.Message("hi"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Null(result.ActivityId);
    }

    [Fact]
    public async Task UpdateActivityAsync_Always_PutsToActivityPath()
    {
        ConnectorResult result = await Client().UpdateActivityAsync(Reference(), "act:1", BotActivity.Message("edited"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        ConnectorCall call = Assert.Single(_connector.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal("/_connector/v3/conversations/a%3Aconversation-1/activities/act%3A1", call.Path);
        Assert.Equal("act:1", JsonDocument.Parse(call.Body).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task DeleteActivityAsync_Always_SendsDelete()
    {
        ConnectorResult result = await Client().DeleteActivityAsync(Reference(), "act-1", CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        ConnectorCall call = Assert.Single(_connector.Calls);
        Assert.Equal("DELETE", call.Method);
        Assert.Equal("/_connector/v3/conversations/a%3Aconversation-1/activities/act-1", call.Path);
    }

    [Fact]
    public async Task CreateConversationAsync_TeamsPersonal_PostsTenantAndReturnsConversationId()
    {
        _connector.Enqueue(new ConnectorAnswer(HttpStatusCode.Created, """{"id":"a:new-chat"}"""));
        ConversationParameters parameters = ConversationParameters.Personal("28:bot", "29:user", "tenant-1");

        ConnectorResult result = await Client().CreateConversationAsync(_connector.ServiceUrl, parameters, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Sent, result.Outcome);
        Assert.Equal("a:new-chat", result.ConversationId);
        ConnectorCall call = Assert.Single(_connector.Calls);
        Assert.Equal("/_connector/v3/conversations", call.Path);
        using JsonDocument body = JsonDocument.Parse(call.Body);
        Assert.Equal("tenant-1", body.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("tenant-1", body.RootElement.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(body.RootElement.GetProperty("isGroup").GetBoolean());
    }
}
