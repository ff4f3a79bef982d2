using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>One request the fake connector received.</summary>
internal sealed record ConnectorCall(string Method, string Path, string? Authorization, string Body, DateTimeOffset At)
{
    private const string ConversationsSegment = "/v3/conversations/";

    /// <summary>The conversation id of a <c>v3/conversations/{id}/…</c> call, unescaped; null for other calls.</summary>
    public string? ConversationId
    {
        get
        {
            int start = Path.IndexOf(ConversationsSegment, StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            start += ConversationsSegment.Length;
            int end = Path.IndexOf('/', start);
            return Uri.UnescapeDataString(end < 0 ? Path[start..] : Path[start..end]);
        }
    }

    /// <summary>What the user would read: the activity's text, or its summary when it carries a card; empty otherwise.</summary>
    public string Text
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Body))
            {
                return string.Empty;
            }

            using var document = JsonDocument.Parse(Body);
            JsonElement root = document.RootElement;
            return root.TryGetProperty("text", out JsonElement text) ? text.GetString() ?? string.Empty
                : root.TryGetProperty("summary", out JsonElement summary) ? summary.GetString() ?? string.Empty
                : string.Empty;
        }
    }
}

/// <summary>A scripted answer: status, optional Retry-After seconds and JSON body.</summary>
internal sealed record ConnectorAnswer(HttpStatusCode Status, string? Body = null, int? RetryAfterSeconds = null)
{
    /// <summary>Drops the connection without an answer, as a process or network dying mid-call does.</summary>
    public static ConnectorAnswer Drop { get; } = new(HttpStatusCode.ServiceUnavailable) { Aborts = true };

    /// <summary>True to abort the connection instead of answering.</summary>
    public bool Aborts { get; init; }

    /// <summary>A <c>Location</c> header, for redirects.</summary>
    public string? Location { get; init; }

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
    private readonly List<ConnectorCall> _accepted = [];
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

    /// <summary>The calls answered with a 2xx status: the messages the channel took.</summary>
    public IReadOnlyList<ConnectorCall> Accepted
    {
        get
        {
            lock (_calls)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>Answers a call when the script is empty (null: the default 200); it sees each call as recorded.</summary>
    public Func<ConnectorCall, ConnectorAnswer?>? Responder { get; set; }

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
        var call = new ConnectorCall(context.Request.Method, rawTarget, context.Request.Headers.Authorization, body, _clock.GetUtcNow());
        lock (_calls)
        {
            _calls.Add(call);
        }

        _callSignal.Release();
        ConnectorAnswer answer = _script.TryDequeue(out ConnectorAnswer? scripted)
            ? scripted
            : Responder?.Invoke(call) ?? new ConnectorAnswer(HttpStatusCode.OK, $$"""{"id":"reply-{{Interlocked.Increment(ref _replyCounter)}}"}""");
        if (answer.Aborts)
        {
            context.Abort();
            return;
        }

        if ((int)answer.Status is >= 200 and < 300)
        {
            lock (_calls)
            {
                _accepted.Add(call);
            }
        }

        context.Response.StatusCode = (int)answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (answer.Location is not null)
        {
            context.Response.Headers.Location = answer.Location;
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
