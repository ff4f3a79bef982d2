using System.Collections.Concurrent;
using System.Globalization;

namespace TaskForce.Benchmarks;

/// <summary>
/// A Bot Connector on a fixed loopback port that records every message posted to a conversation and answers
/// <c>200 {"id":...}</c>. It can be stopped (connection refused) and started again on the same port, which is the
/// service URL the bot keeps in its members' conversation references.
/// </summary>
internal sealed class FakeConnectorServer(int port) : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string ConversationId, DateTimeOffset At)> _posts = new();
    private WebApplication? _app;
    private int _replies;

    public string ServiceUrl { get; } = $"http://127.0.0.1:{port}/";

    public IReadOnlyList<(string ConversationId, DateTimeOffset At)> Posts => [.. _posts];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        WebApplication app = builder.Build();
        app.MapPost("/v3/conversations/{conversationId}/activities/{**replyTo}", (string conversationId) => Record(conversationId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId) => Record(conversationId));
        await app.StartAsync(cancellationToken);
        _app = app;
    }

    /// <summary>Closes the listening socket: the bot's next call is refused.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private IResult Record(string conversationId)
    {
        _posts.Enqueue((conversationId, DateTimeOffset.UtcNow));
        return Results.Json(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = "reply-" + Interlocked.Increment(ref _replies).ToString(CultureInfo.InvariantCulture),
        });
    }
}
