using System.Text.Json;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Connector;
using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;
using TaskForce.Bot.Operations;
using TaskForce.Core.Conversations;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Bot.Endpoints;

/// <summary>
/// Translates between the wire and the dialogs: messages and card submits become turns, a user joining the
/// conversation gets a welcome, and the replies go back as activities. The one catch-all of a turn lives here.
/// </summary>
internal sealed class DialogActivityHandler(
    DialogEngine engine,
    ConversationReferenceStore references,
    IConnectorClient connector,
    TextCatalog texts,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<BotOptions> bot,
    ILogger<DialogActivityHandler> logger)
    : IActivityHandler
{
    private const string AdaptiveCardAction = "adaptiveCard/action";

    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        BotActivity activity = turn.Activity;
        TurnInput? input = activity.Type switch
        {
            ActivityTypes.Message => Input(turn, turn.Text, activity.Value),
            ActivityTypes.Invoke when activity.Name == AdaptiveCardAction => Input(turn, string.Empty, ActionData(activity.Value)),
            _ => null,
        };
        if (input is not null)
        {
            TurnOutcome result = await RunAsync(turn, input, welcome: false, cancellationToken);
            return activity.Type == ActivityTypes.Invoke ? Toast(result) : null;
        }

        if (IsUserJoining(activity) && Input(turn, string.Empty, null) is TurnInput joining)
        {
            await RunAsync(turn, joining, welcome: true, cancellationToken);
        }

        return null;
    }

    private async Task<TurnOutcome> RunAsync(TurnContext turn, TurnInput input, bool welcome, CancellationToken cancellationToken)
    {
        TurnOutcome result;
        try
        {
            result = welcome ? await engine.WelcomeAsync(input, cancellationToken) : await engine.RunTurnAsync(input, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn's transaction was rolled back: nothing was saved, so the same activity may run again.
            turn.LeaveUnprocessed = true;
            bool busy = DatabaseBusy.Is(ex);
            if (busy)
            {
                logger.DialogTurnBusy(turn.Activity.Id);
            }
            else
            {
                logger.DialogTurnFailed(ex, turn.Activity.Id);
            }

            TextKey key = busy ? new TextKey("common", "busy-retry") : new TextKey("common", "error-retry");
            string sorry = texts.Get(key, Locales.Resolve(turn.Locale));
            await turn.SendAsync(BotActivity.Message(sorry), cancellationToken);
            return new TurnOutcome([]);
        }

        turn.ProcessedRecorded |= result.Recorded;
        if (result.MemberId is long memberId && !result.MemberAssigned)
        {
            await AssignMemberAsync(turn, input, memberId, cancellationToken);
        }

        string intent = result.Intent ?? "none";
        if (TurnIntent.Current is { } measured)
        {
            measured.Intent = intent;
        }

        logger.DialogTurn(turn.Activity.Id, intent, result.Messages.Count, result.Duplicate, result.PromptTokens, result.CompletionTokens);
        foreach (OutgoingMessage message in result.Messages)
        {
            await turn.SendAsync(ActivityRenderer.ToActivity(message, input.ChannelId), cancellationToken);
        }

        return result;
    }

    private async Task AssignMemberAsync(TurnContext turn, TurnInput input, long memberId, CancellationToken cancellationToken)
    {
        try
        {
            // Proactive messages (reminders, escalations) go to the member's latest conversation.
            await references.AssignMemberAsync(input.ChannelId, input.ConversationId, input.UserId, memberId, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (DatabaseBusy.Is(ex))
        {
            // The turn itself is saved and its replies must go out; the assignment is retried on the member's next turn.
            logger.MemberAssignmentBusy(turn.Activity.Id);
        }
    }

    private TurnInput? Input(TurnContext turn, string text, JsonElement? value)
    {
        BotActivity activity = turn.Activity;
        // Teams' word on who the user is links an account only when a Bot Framework token (or a configured caller, or
        // development mode on loopback) vouched for the activity; anywhere else a member links with a one-time code.
        bool vouched = turn.VouchesForUser && activity.ChannelId == "msteams";
        return activity.ChannelId is { Length: > 0 } channelId && activity.Conversation?.Id is { Length: > 0 } conversationId && activity.From?.Id is { Length: > 0 } userId
            ? new TurnInput(channelId, conversationId, userId, vouched ? activity.From.AadObjectId : null, activity.Id, text, value, string.IsNullOrWhiteSpace(turn.Locale) ? bot.Value.DefaultLocale : turn.Locale, turn.TimeZone)
            {
                // Only Teams answers the members API with an e-mail; it is asked only for users not linked yet.
                LookupEmail = vouched ? ct => LookupEmailAsync(turn.Reference, userId, ct) : null,
            }
            : null;
    }

    private async Task<string?> LookupEmailAsync(ConversationReference reference, string userId, CancellationToken cancellationToken)
    {
        ConnectorResult member = await connector.GetMemberAsync(reference, userId, cancellationToken);
        if (member.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            return null;
        }

        foreach (string name in new[] { "email", "userPrincipalName" })
        {
            if (body.TryGetProperty(name, out JsonElement found) && found.ValueKind == JsonValueKind.String && found.GetString()!.Contains('@', StringComparison.Ordinal))
            {
                return found.GetString();
            }
        }

        return null;
    }

    /// <summary>
    /// A conversationUpdate that adds someone other than the bot. Installing the app in Teams sends an
    /// installationUpdate as well; greeting on both would say hello twice, so only this one greets.
    /// </summary>
    private static bool IsUserJoining(BotActivity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;

    /// <summary>Universal Actions (Action.Execute) carry the card data in value.action.data (docs/protocol.md §2.3).</summary>
    private static JsonElement? ActionData(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out JsonElement action)
            && action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out JsonElement data)
            ? data
            : null;

    private static InvokeResponse Toast(TurnOutcome result)
    {
        string text = result.Messages.Count > 0 ? result.Messages[0].Text : string.Empty;
        JsonElement body = JsonSerializer.SerializeToElement(
            new Dictionary<string, object> { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = text });
        return new InvokeResponse(200, body);
    }
}
