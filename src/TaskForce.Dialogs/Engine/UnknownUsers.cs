using TaskForce.Core.Calendar;
using TaskForce.Core.Conversations;
using TaskForce.Core.Members;
using TaskForce.Core.Storage;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Engine;

/// <summary>A user not on the roster gets only the linking prompt, or links with a one-time code; never any data.</summary>
internal sealed class UnknownUsers(Database database, LinkCodeService linkCodes, IRecognizer recognizer, TextCatalog texts)
{
    public async Task<TurnOutcome> HandleAsync(TurnInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string locale = Locales.Resolve(input.Locale);
        Recognition recognition = recognizer.Recognize(input.Text, RecognitionContext.Empty(TimeZones.LocalDate(now, TimeZones.Find(input.TimeZone))));
        TurnOutcome outcome = await database.WriteAsync(
            async session =>
            {
                if (input.ActivityId is not null
                    && !await ConversationStateStore.TryMarkProcessedAsync(session, input.ChannelId, input.ConversationId, input.ActivityId, now, cancellationToken))
                {
                    return new TurnOutcome([], Duplicate: true);
                }

                if (recognition.Intent != Intent.LinkAccount || string.IsNullOrEmpty(recognition.Entities.LinkCode))
                {
                    return Reply(texts.Get(new TextKey("link", "prompt"), locale));
                }

                LinkResult result = await linkCodes.RedeemAsync(
                    session, new LinkRequester(input.ChannelId, input.ConversationId, input.UserId, input.AadObjectId), recognition.Entities.LinkCode, cancellationToken);
                if (result.Outcome == LinkOutcome.Linked && await MemberStore.GetAsync(session.Connection, session.Transaction, result.MemberId!.Value, cancellationToken) is Member member)
                {
                    string memberLocale = Locales.For(member.Locale, input.Locale, input.Text);
                    return new TurnOutcome([new OutgoingMessage(texts.Get(new TextKey("link", "linked"), memberLocale, ("name", member.DisplayName(memberLocale))))], MemberId: member.Id, Intent: nameof(Intent.LinkAccount));
                }

                string key = result.Outcome switch
                {
                    LinkOutcome.Expired => "expired",
                    LinkOutcome.AlreadyUsed => "used",
                    LinkOutcome.TooManyAttempts => "too-many",
                    LinkOutcome.Paused => "paused",
                    LinkOutcome.Withdrawn => "withdrawn",
                    _ => "invalid",
                };
                return Reply(texts.Get(new TextKey("link", key), locale, ("minutes", Minutes(result.RetryAfter))));
            },
            cancellationToken);
        return outcome with { Recorded = input.ActivityId is not null };
    }

    private static int Minutes(TimeSpan? wait) => wait is { } value ? Math.Max(1, (int)Math.Ceiling(value.TotalMinutes)) : 0;

    private static TurnOutcome Reply(string text) => new([new OutgoingMessage(text)], Intent: nameof(Intent.LinkAccount));
}
