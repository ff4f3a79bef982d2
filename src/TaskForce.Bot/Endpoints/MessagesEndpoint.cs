using System.Text.Json;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;

namespace TaskForce.Bot.Endpoints;

/// <summary>
/// <c>POST /api/messages</c> (docs/protocol.md §2). The turn runs inline and the answer is 200 once it is done: a turn
/// is a few SQLite statements plus the replies, well inside the channels' 5–15 s limits, and running inline keeps
/// per-conversation order and de-duplication simple. Replies go out through the connector during the turn.
/// </summary>
internal static class MessagesEndpoint
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        ActivityAuthenticator authenticator,
        TurnRunner turns,
        IActivityHandler handler,
        ILogger<TurnRunner> logger,
        CancellationToken cancellationToken)
    {
        // The token is checked before the body is read, so unauthenticated bodies cannot slow real turns (§4.1).
        InboundToken token = await authenticator.CheckHeaderAsync(http.Request.Headers.Authorization, cancellationToken);
        if (token.Refusal is { } refusal)
        {
            return Refused(http, refusal);
        }

        ActivityReadResult read = await ActivityReader.ReadAsync(
            http.Request.Body, http.Request.ContentType, http.Request.ContentLength, cancellationToken);
        if (read.Activity is not { } activity)
        {
            logger.ActivityRefused(read.Problem ?? "unreadable body");
            return TypedResults.Problem(statusCode: read.Status, title: read.Problem);
        }

        AuthenticationResult auth = await authenticator.AuthenticateAsync(token, activity, cancellationToken);
        if (!auth.Succeeded)
        {
            return Refused(http, auth);
        }

        if (!ActivityTypes.IsKnown(activity.Type))
        {
            // Unknown types are acknowledged and ignored (A2014).
            logger.UnknownActivityIgnored(activity.Type);
            return TypedResults.Ok();
        }

        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The activity needs channelId and conversation.id.");
        }

        TurnResult result = await turns.RunAsync(activity, auth, handler, cancellationToken);
        return Respond(activity, result);
    }

    private static IResult Respond(BotActivity activity, TurnResult result)
    {
        if (result.Failed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The turn failed.");
        }

        if (activity.ExpectsReplies)
        {
            byte[] body = JsonSerializer.SerializeToUtf8Bytes(new ExpectedReplies { Activities = result.Replies }, ActivityJson.Default.ExpectedReplies);
            return TypedResults.Bytes(body, "application/json");
        }

        if (activity.Type == ActivityTypes.Invoke && !result.Duplicate)
        {
            if (result.Invoke is not { } invoke)
            {
                return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
            }

            return invoke.Body is { } invokeBody
                ? TypedResults.Text(invokeBody.GetRawText(), "application/json", statusCode: invoke.Status)
                : TypedResults.StatusCode(invoke.Status);
        }

        return TypedResults.Ok();
    }

    private static IResult Refused(HttpContext http, AuthenticationResult refusal)
    {
        if (refusal.Unavailable)
        {
            // No signing keys were ever fetched: the channel retries later, and no token is called invalid meanwhile.
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (refusal.Forbidden)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Unauthorized();
    }
}
