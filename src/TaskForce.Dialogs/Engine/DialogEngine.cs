using System.Text.Json;
using TaskForce.Core.Audit;
using TaskForce.Core.Conversations;
using TaskForce.Core.Members;
using TaskForce.Core.Storage;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Engine;

/// <summary>
/// Runs one turn: who is writing (linking unknown users first), what they mean, then the dialog stack —
/// and commits the dialog state, the processed-activity mark and every domain write in one transaction.
/// The recognizer runs before the transaction, so a slow language model never holds the write lock.
/// </summary>
public sealed class DialogEngine
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly Database _database;
    private readonly TurnUnderstanding _understanding;
    private readonly DialogRouter _router;
    private readonly UnknownUsers _unknownUsers;
    private readonly TextCatalog _texts;
    private readonly TimeProvider _time;

    internal DialogEngine(Database database, TurnUnderstanding understanding, DialogRouter router, UnknownUsers unknownUsers, TextCatalog texts, TimeProvider time)
    {
        _database = database;
        _understanding = understanding;
        _router = router;
        _unknownUsers = unknownUsers;
        _texts = texts;
        _time = time;
    }

    public async Task<TurnOutcome> RunTurnAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await RunOnceAsync(input, cancellationToken);
        }
        catch (DialogConcurrencyException)
        {
            // Another process saved this conversation in between: run the turn again on the fresh state.
            return await RunOnceAsync(input, cancellationToken);
        }
    }

    /// <summary>Greets a user who opened the conversation or installed the bot: members by name, others with the linking prompt.</summary>
    public async Task<TurnOutcome> WelcomeAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        DateTimeOffset now = _time.GetUtcNow();
        (Member? member, bool autoLinked) = await _understanding.IdentifyAsync(input, cancellationToken);
        if (member is null)
        {
            return new TurnOutcome([new Rendering.OutgoingMessage(_texts.Get(new TextKey("link", "prompt"), Locales.Resolve(input.Locale)))]);
        }

        if (autoLinked)
        {
            await _database.WriteAsync(
                async session =>
                {
                    await MemberStore.LinkAccountAsync(session, member.Id, input.ChannelId, input.UserId, input.AadObjectId, "aad", now, cancellationToken);
                    await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry($"{input.ChannelId}:{input.UserId}", "link", "MemberAccount", member.Key, null, new { via = "aadObjectId" }), now, cancellationToken);
                    return true;
                },
                cancellationToken);
        }

        string locale = Locales.For(member.Locale, input.Locale);
        return new TurnOutcome([new Rendering.OutgoingMessage(_texts.Get(new TextKey("common", "welcome"), locale, ("name", member.DisplayName(locale))))], MemberId: member.Id);
    }

    private async Task<TurnOutcome> RunOnceAsync(TurnInput input, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        (Member? member, bool autoLinked, TurnUnderstanding.Understood? read) = await _understanding.ReadAsync(input, now, cancellationToken);
        if (member is null || read is not { } understood)
        {
            return await _unknownUsers.HandleAsync(input, now, cancellationToken);
        }

        return await _database.WriteAsync(
            async session =>
            {
                // Proactive messages (reminders, escalations) go to the member's latest conversation.
                await ConversationReferenceStore.AssignMemberAsync(session, input.ChannelId, input.ConversationId, input.UserId, member.Id, now, cancellationToken);
                if (input.ActivityId is not null
                    && !await ConversationStateStore.TryMarkProcessedAsync(session, input.ChannelId, input.ConversationId, input.ActivityId, now, cancellationToken))
                {
                    return new TurnOutcome([], Duplicate: true, member.Id) { Recorded = true, MemberAssigned = true };
                }

                var context = new DialogContext(
                    member, Locales.For(member.Locale, input.Locale, understood.Command is null ? input.Text : null), understood.Zone, now, session, input, understood.Recognition,
                    understood.Reportable, understood.Reference, _texts)
                {
                    Command = understood.Command,
                    ForeignTask = understood.ForeignTask,
                    PreparedAnswer = understood.PreparedAnswer,
                };
                if (understood.FallbackNote is { } note)
                {
                    context.Say(note);
                }

                if (autoLinked)
                {
                    await MemberStore.LinkAccountAsync(session, member.Id, input.ChannelId, input.UserId, input.AadObjectId, "aad", now, cancellationToken);
                    await AuditStore.AppendAsync(session.Connection, session.Transaction, new AuditEntry($"{input.ChannelId}:{input.UserId}", "link", "MemberAccount", member.Key, null, new { via = "aadObjectId" }), now, cancellationToken);
                    context.Say(new TextKey("link", "auto-linked"), ("name", member.DisplayName(context.Locale)));
                }

                StoredState stored = await ConversationStateStore.LoadAsync(session, input.ChannelId, input.ConversationId, input.UserId, cancellationToken);
                DialogStack stack = stored.Json is null ? new DialogStack() : JsonSerializer.Deserialize<DialogStack>(stored.Json, s_json) ?? new DialogStack();
                await _router.RouteAsync(context, stack, cancellationToken);
                string json = JsonSerializer.Serialize(stack, s_json);
                if (!await ConversationStateStore.SaveAsync(session, input.ChannelId, input.ConversationId, input.UserId, json, stored.Version, now, cancellationToken))
                {
                    throw new DialogConcurrencyException();
                }

                return new TurnOutcome(context.Replies, MemberId: member.Id, Intent: understood.Recognition.Intent.ToString())
                {
                    PromptTokens = understood.Usage.Prompt,
                    CompletionTokens = understood.Usage.Completion,
                    Recorded = input.ActivityId is not null,
                    MemberAssigned = true,
                };
            },
            cancellationToken);
    }
}

/// <summary>The conversation's state changed between reading and saving it (another bot process).</summary>
internal sealed class DialogConcurrencyException : Exception
{
    public DialogConcurrencyException()
        : base("The conversation state was saved by another writer.")
    {
    }
}
