using TaskForce.Core.Calendar;
using TaskForce.Core.Meetings;
using TaskForce.Dialogs.Engine;
using TaskForce.Dialogs.Texts;

namespace TaskForce.Dialogs.Conversations;

/// <summary>
/// 下次例会什么时候 (when is the next meeting): the next occurrence, in the member's zone, among the meetings they
/// attend, and for leaders also the meetings of the campaigns they lead (city-wide leaders: all). Staff are not told
/// of a headquarters meeting they are not invited to.
/// </summary>
internal sealed class MeetingResponder(MeetingStore meetings, CalendarStore calendars)
{
    private const string Texts = "meetings";
    private static readonly TimeSpan s_lookAhead = TimeSpan.FromDays(60);

    public async Task AnswerAsync(DialogContext context, CancellationToken cancellationToken)
    {
        IReadOnlySet<long> attended = await meetings.AttendedByAsync(context.Member.Id, cancellationToken);
        WorkingCalendar calendar = await calendars.LoadAsync(cancellationToken);
        MeetingOccurrence? next = (await meetings.ListAsync(cancellationToken))
            .Where(m => attended.Contains(m.Id) || context.Scope.CanSeeCampaign(m.CampaignId))
            .SelectMany(m => MeetingSchedule.Occurrences(m, calendar, context.Now, context.Now + s_lookAhead).Take(1))
            .OrderBy(o => o.Start)
            .FirstOrDefault();
        if (next is null)
        {
            context.Say(new TextKey(Texts, "none"));
            return;
        }

        Meeting meeting = next.Meeting;
        string time = context.DateTime(next.Start) + (next.Moved ? " " + context.T(new TextKey(Texts, "moved")) : string.Empty);
        context.Say(new TextKey(Texts, "next"),
            ("title", context.IsEnglish && meeting.TitleEn is { Length: > 0 } en ? en : meeting.Title),
            ("time", time),
            ("location", meeting.Location ?? context.T(new TextKey(Texts, "no-location"))));
    }
}
