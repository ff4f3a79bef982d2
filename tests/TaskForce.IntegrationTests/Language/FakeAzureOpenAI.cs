using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TaskForce.IntegrationTests.Language;

/// <summary>
/// An OpenAI-compatible chat endpoint on 127.0.0.1 in the Azure route shape. It answers from a script of recorded
/// responses, one per request, and keeps every request it was sent so tests can read what left the bot.
/// </summary>
internal sealed class FakeAzureOpenAI : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeAzureOpenAI(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<FakeAzureOpenAI> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var fake = new FakeAzureOpenAI(builder.Build());
        fake._app.MapPost("/openai/deployments/{deployment}/chat/completions", fake.HandleAsync);
        await fake._app.StartAsync();
        string address = fake._app.Urls.First();
        fake.Endpoint = new Uri(address + "/");
        return fake;
    }

    public void Reply(string completionJson) => _script.Enqueue(context =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completionJson);
    });

    public void ReplyThrottled() => _script.Enqueue(context =>
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = "1";
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Recordings.RateLimited);
    });

    /// <summary>Never answers; the request ends when the client gives up (or the fake stops).</summary>
    public void Hang() => _script.Enqueue(async context =>
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using CancellationTokenRegistration registration = context.RequestAborted.Register(() => aborted.TrySetResult());
        await Task.WhenAny(aborted.Task, _released.Task);
    });

    private async Task HandleAsync(HttpContext context, string deployment)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new RecordedRequest(
            deployment, context.Request.Path + context.Request.QueryString, context.Request.Query["api-version"].ToString(),
            context.Request.Headers["api-key"].ToString(), body));
        if (!_script.TryDequeue(out Func<HttpContext, Task>? respond))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await respond(context);
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Deployment, string PathAndQuery, string ApiVersion, string ApiKey, string Body);
