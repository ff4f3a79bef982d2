using System.Net;
using System.Text.Json;
using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Connector;

/// <summary>Turns a connector HTTP response into a <see cref="ConnectorResult"/>.</summary>
internal static class ConnectorResponses
{
    private static readonly string[] s_deadCodes = ["BotNotInConversationRoster", "MessageWritesBlocked", "ConversationBlockedByUser"];

    public static async Task<ConnectorResult> ReadAsync(HttpResponseMessage response, bool createsConversation, CancellationToken cancellationToken)
    {
        string text = await response.Content.ReadAsStringAsync(cancellationToken);
        int status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            // 200 {"id"}, 201 {"id"}, 202 without a body and 200 with an empty one all occur (§9).
            ResourceResponse? resource = TryRead(text, ActivityJson.Default.ResourceResponse);
            return new ConnectorResult
            {
                Outcome = ConnectorOutcome.Sent,
                StatusCode = status,
                ActivityId = createsConversation ? resource?.ActivityId : resource?.Id,
                ConversationId = createsConversation ? resource?.Id : null,
                Body = ObjectOrNull(text),
            };
        }

        ErrorDetail? error = TryRead(text, ActivityJson.Default.ErrorResponse)?.Error;
        string? code = s_deadCodes.FirstOrDefault(dead => Mentions(error, dead)) ?? error?.Code;
        return new ConnectorResult
        {
            Outcome = Classify(response.StatusCode, code),
            StatusCode = status,
            ErrorCode = code,
            RetryAfter = ConnectorRetry.RetryAfter(response),
        };
    }

    private static JsonElement? ObjectOrNull(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // 403 roster/blocked means the bot cannot write there any more (§3.3). A 404 ConversationNotFound is treated the
    // same way: the stored conversation is gone. Other 404s (an activity id on update/delete) are plain failures.
    private static ConnectorOutcome Classify(HttpStatusCode status, string? code) => status switch
    {
        HttpStatusCode.Forbidden when s_deadCodes.Contains(code, StringComparer.OrdinalIgnoreCase) => ConnectorOutcome.ConversationDead,
        HttpStatusCode.NotFound when string.Equals(code, "ConversationNotFound", StringComparison.OrdinalIgnoreCase) => ConnectorOutcome.ConversationDead,
        _ when ConnectorRetry.IsTransient(status) => ConnectorOutcome.RetryLater,
        _ => ConnectorOutcome.PermanentFailure,
    };

    private static bool Mentions(ErrorDetail? error, string code) =>
        error is not null && (string.Equals(error.Code, code, StringComparison.OrdinalIgnoreCase)
            || string.Equals(error.SubCode, code, StringComparison.OrdinalIgnoreCase)
            || (error.Message?.Contains(code, StringComparison.OrdinalIgnoreCase) ?? false));

    private static T? TryRead<T>(string text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, info);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
