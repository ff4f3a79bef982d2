using System.Collections.Frozen;
using System.CommandLine;
using System.Globalization;
using TaskForce.Core.Calendar;
using TaskForce.Core.Meetings;
using TaskForce.Core.Outbox;
using TaskForce.Core.Scheduling;

namespace TaskForce.Bot.Cli;

/// <summary>
/// <c>meetings [--days N]</c> lists upcoming occurrences with the state of their reminders, cancelled ones marked;
/// <c>meetings remind-now &lt;meeting-key&gt; [--in 2m]</c> queues a reminder of the next occurrence to every attendee,
/// due after the delay (for demos: the running bot sends it like any other reminder);
/// <c>meetings cancel|restore &lt;meeting-key&gt; [--on yyyy-MM-dd]</c> cancels or restores the meeting or one occurrence.
/// </summary>
internal static class MeetingsCommand
{
    internal static Command Create(IServiceProvider services)
    {
        Option<int> days = new("--days") { Description = "How many days ahead to list", DefaultValueFactory = _ => 14 };
        Command command = new("meetings", "Lists upcoming meeting occurrences with their reminder status.");
        command.Options.Add(days);
        command.Subcommands.Add(RemindNow(services));
        command.Subcommands.Add(MeetingCancelCommands.Cancel(services));
        command.Subcommands.Add(MeetingCancelCommands.Restore(services));
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateTimeOffset now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            WorkingCalendar calendar = await services.GetRequiredService<CalendarStore>().LoadAsync(cancellationToken);
            OutboxReadStore reads = services.GetRequiredService<OutboxReadStore>();
            foreach (Meeting meeting in await services.GetRequiredService<MeetingStore>().ListAsync(cancellationToken))
            {
                TimeZoneInfo zone = TimeZones.Find(meeting.TimeZone);
                string cancelled = meeting.CancelledAt is { } at ? $" [cancelled since {OutboxCommand.Local(at, zone)}]" : "";
                await Console.Out.WriteLineAsync($"{meeting.Key}\t{meeting.Title}\tv{meeting.Version}{cancelled}");
                IReadOnlyList<OutboxJob> jobs = await reads.ListForMeetingAsync(meeting.Id, cancellationToken);
                // Expanded without the exceptions, so that a cancelled occurrence is listed as such rather than missing.
                Meeting everyOccurrence = meeting with { Exceptions = FrozenSet<DateOnly>.Empty };
                foreach (MeetingOccurrence occurrence in MeetingSchedule.Occurrences(everyOccurrence, calendar, now, now.AddDays(parse.GetValue(days))))
                {
                    string moved = occurrence.Moved ? $" (moved from {OutboxCommand.Local(occurrence.ScheduledStart, zone)})" : "";
                    string status = meeting.Exceptions.Contains(TimeZones.LocalDate(occurrence.ScheduledStart, zone)) ? "[cancelled]" : Status(jobs, occurrence);
                    await Console.Out.WriteLineAsync($"  {OutboxCommand.Local(occurrence.Start, zone)} {meeting.TimeZone}{moved}\t{status}");
                }
            }

            return 0;
        });
        return command;
    }

    private static Command RemindNow(IServiceProvider services)
    {
        Argument<string> key = new("meeting-key") { Description = "The meeting's key in the roster" };
        Option<string> delay = new("--in") { Description = "Delay before the reminder is due: 90s, 2m, 1h or hh:mm:ss", DefaultValueFactory = _ => "2m" };
        Command command = new("remind-now", "Queues a reminder of the meeting's next occurrence to all attendees, due shortly.");
        command.Arguments.Add(key);
        command.Options.Add(delay);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!TryParseDelay(parse.GetValue(delay), out TimeSpan wait))
            {
                await Console.Error.WriteLineAsync("--in must look like 90s, 2m, 1h or hh:mm:ss.");
                return 2;
            }

            DateTimeOffset now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            string meetingKey = parse.GetValue(key)!;
            MeetingOccurrence? occurrence = await services.GetRequiredService<ReminderPlanner>().RemindNowAsync(meetingKey, wait, now, cancellationToken);
            if (occurrence is null)
            {
                await Console.Error.WriteLineAsync($"No meeting '{meetingKey}' with an occurrence in the planning horizon.");
                return 1;
            }

            TimeZoneInfo zone = TimeZones.Find(occurrence.Meeting.TimeZone);
            await Console.Out.WriteLineAsync(
                $"Reminders for {meetingKey} at {OutboxCommand.Local(occurrence.Start, zone)} due at {OutboxCommand.Local(now + wait, zone)}; see `outbox --state pending`.");
            return 0;
        });
        return command;
    }

    private static string Status(IReadOnlyList<OutboxJob> jobs, MeetingOccurrence occurrence)
    {
        OutboxJob[] mine = [.. jobs.Where(j => j.NotAfter == occurrence.Start)];
        if (mine.Length == 0)
        {
            return "reminders: not planned yet";
        }

        string counts = string.Join(", ", mine.GroupBy(j => j.State).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}"));
        return $"reminders/nudges: {mine.Length} ({counts})";
    }

    internal static bool TryParseDelay(string? text, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        char unit = text[^1];
        if (unit is 's' or 'm' or 'h' && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0)
        {
            delay = unit switch { 's' => TimeSpan.FromSeconds(value), 'm' => TimeSpan.FromMinutes(value), _ => TimeSpan.FromHours(value) };
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out delay) && delay >= TimeSpan.Zero;
    }
}
