using Microsoft.Extensions.Options;
using TaskForce.Core.Calendar;
using TaskForce.Core.Tasks;

namespace TaskForce.Core.Meetings;

/// <summary>Builds the brief of a meeting occurrence: lights of the campaign's tasks, open blockers, decisions of the previous occurrence.</summary>
public sealed class MeetingBriefService(
    MeetingBriefStore briefs, MeetingStore meetings, CalendarStore calendars, IOptions<TrafficLightOptions> lights)
{
    public async Task<MeetingBrief> BuildAsync(Meeting meeting, DateTimeOffset occurrenceStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        WorkingCalendar calendar = await calendars.LoadAsync(cancellationToken);
        DateOnly today = TimeZones.LocalDate(now, TimeZones.Find(meeting.TimeZone));
        (string name, string? nameEn) = await briefs.CampaignNameAsync(meeting.CampaignId, cancellationToken);
        Dictionary<Light, int> counts = new() { [Light.Green] = 0, [Light.Yellow] = 0, [Light.Red] = 0, [Light.Done] = 0 };
        List<BriefTask> red = [];
        List<BriefTask> yellow = [];
        foreach (BriefTaskRow row in await briefs.TasksAsync(meeting.CampaignId, cancellationToken))
        {
            var progress = new TaskProgress(row.Start, row.Task.Deadline, row.Task.Percent, row.Closed, row.ReportedBehind, row.EscalatedBlocker);
            LightResult light = TrafficLight.Evaluate(progress, today, lights.Value);
            counts[light.Light]++;
            (light.Light == Light.Red ? red : light.Light == Light.Yellow ? yellow : null)?.Add(row.Task with { Reason = light.Reason });
        }

        MeetingOccurrence? previous = MeetingSchedule.Previous(meeting, calendar, occurrenceStart);
        IReadOnlyList<MeetingDecision> decisions = previous is null
            ? []
            : await meetings.DecisionsAsync(meeting.Id, previous.Start, cancellationToken);
        return new MeetingBrief(
            name, nameEn, counts, red, yellow, await briefs.OpenBlockersAsync(meeting.CampaignId, cancellationToken), previous?.Start, decisions);
    }
}
