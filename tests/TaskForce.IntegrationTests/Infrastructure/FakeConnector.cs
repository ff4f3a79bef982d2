using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>One request the fake connector received.</summary>
internal sealed record ConnectorCall(string Method, string Path, string? Authorization, string Body, DateTimeOffset At);

/// <summary>A scripted answer: status, optional Retry-After seconds and JSON body.</summary>
internal sealed record ConnectorAnswer(HttpStatusCode Status, string? Body = null, int? RetryAfterSeconds = null)
{
    public static ConnectorAnswer Roster() => new(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
}

/// <summary>
/// A Bot Connector on 127.0.0.1 that records every call (method, raw path, Authorization header, body) and answers
/// from a script, then with <c>200 {"id":"reply-N"}</c>. Its <see cref="ServiceUrl"/> has a path prefix like the
/// Agents Playground's <c>/_connector</c>.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorAnswer> _script = new();
    private readonly List<ConnectorCall> _calls = [];
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _callSignal = new(0);
    private int _replyCounter;

    private FakeConnector(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Starts the server; <paramref name="clock"/> stamps each call (pass the test's FakeTimeProvider).</summary>
    public static async Task<FakeConnector> StartAsync(TimeProvider? clock = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var connector = new FakeConnector(app, clock ?? TimeProvider.System);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/_connector";
        return connector;
    }

    public void Enqueue(params ConnectorAnswer[] answers)
    {
        foreach (ConnectorAnswer answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> calls arrived (10 s at most).</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForCallsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Calls.Count < count)
        {
            await _callSignal.WaitAsync(timeout.Token);
        }

        return Calls;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        string rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        lock (_calls)
        {
            _calls.Add(new ConnectorCall(context.Request.Method, rawTarget, context.Request.Headers.Authorization, body, _clock.GetUtcNow()));
        }

        _callSignal.Release();
        ConnectorAnswer answer = _script.TryDequeue(out ConnectorAnswer? scripted)
            ? scripted
            : new ConnectorAnswer(HttpStatusCode.OK, $$"""{"id":"reply-{{Interlocked.Increment(ref _replyCounter)}}"}""");
        context.Response.StatusCode = (int)answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _callSignal.Dispose();
    }
}
