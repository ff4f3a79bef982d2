using System.CommandLine;
using System.Globalization;
using TaskForce.Core.Calendar;
using TaskForce.Core.Meetings;

namespace TaskForce.Bot.Cli;

/// <summary>
/// <c>meetings cancel &lt;meeting-key&gt; [--on yyyy-MM-dd]</c> and <c>meetings restore …</c>: the whole meeting, or the
/// occurrence on that date (the day it takes place, or the day its rule placed it before a holiday moved it). Exit code 1
/// when the request cannot be done, 2 for a malformed date. What is done here survives roster imports (docs/roster-format.md).
/// </summary>
internal static class MeetingCancelCommands
{
    public const string Actor = "cli:meetings";

    internal static Command Cancel(IServiceProvider services) =>
        Create(services, "cancel", "Cancels a meeting, or one occurrence with --on, and voids its pending reminders.", restore: false);

    internal static Command Restore(IServiceProvider services) =>
        Create(services, "restore", "Undoes `meetings cancel` for the meeting, or for one occurrence with --on.", restore: true);

    private static Command Create(IServiceProvider services, string name, string description, bool restore)
    {
        Argument<string> key = new("meeting-key") { Description = "The meeting's key in the roster" };
        Option<string?> on = new("--on") { Description = "Only the occurrence on this local date (yyyy-MM-dd)" };
        Command command = new(name, description);
        command.Arguments.Add(key);
        command.Options.Add(on);
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly? date = null;
            if (parse.GetValue(on) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed))
                {
                    await Console.Error.WriteLineAsync($"--on must be a date in the form yyyy-MM-dd, not '{text}'.");
                    return 2;
                }

                date = parsed;
            }

            string meetingKey = parse.GetValue(key)!;
            MeetingCancellation cancellation = services.GetRequiredService<MeetingCancellation>();
            CancellationResult result = restore
                ? await cancellation.RestoreAsync(meetingKey, date, Actor, cancellationToken)
                : await cancellation.CancelAsync(meetingKey, date, Actor, cancellationToken);
            string? error = Error(result, meetingKey, date, restore);
            if (error is not null)
            {
                await Console.Error.WriteLineAsync(error);
                return 1;
            }

            await Console.Out.WriteLineAsync(Done(result, restore));
            return 0;
        });
        return command;
    }

    private static string? Error(CancellationResult result, string meetingKey, DateOnly? date, bool restore)
    {
        string what = date is { } day ? $"The occurrence of {meetingKey} on {Date(day)}" : $"Meeting {meetingKey}";
        return result.Outcome switch
        {
            CancellationOutcome.Done => null,
            CancellationOutcome.UnknownMeeting => $"No meeting '{meetingKey}'; `meetings` lists the keys.",
            CancellationOutcome.NotAnOccurrence =>
                $"{meetingKey} has no occurrence on {Date(date!.Value)} ({result.Meeting!.RRule} from {result.Meeting.StartLocal:yyyy-MM-dd HH:mm}); `meetings` lists the upcoming ones.",
            CancellationOutcome.AlreadyCancelled when result.Occurrence is null && date is not null =>
                $"Meeting {meetingKey} is cancelled as a whole; `meetings restore {meetingKey}` first.",
            CancellationOutcome.AlreadyCancelled => $"{what} is already cancelled.",
            CancellationOutcome.NotCancelled => $"{what} is not cancelled; nothing to {(restore ? "restore" : "do")}.",
            CancellationOutcome.CancelledByRoster => date is null
                ? $"Meeting {meetingKey} is cancelled by the roster file (cancelled: true); remove that line and import the file again."
                : $"{what} is cancelled by the roster file (exceptions:); remove the date there and import the file again.",
            _ => $"{what}: {result.Outcome}.",
        };
    }

    private static string Done(CancellationResult result, bool restore)
    {
        Meeting meeting = result.Meeting!;
        TimeZoneInfo zone = TimeZones.Find(meeting.TimeZone);
        string what = result.Occurrence is { } occurrence
            ? $"the occurrence of {meeting.Key} on {OutboxCommand.Local(occurrence.Start, zone)} {meeting.TimeZone} ({meeting.Title})"
            : $"meeting {meeting.Key} ({meeting.Title}) as a whole";
        return restore
            ? $"Restored {what}; its reminders are planned again on the next planning pass."
            : string.Create(CultureInfo.InvariantCulture, $"Cancelled {what}; {result.Voided} pending reminder(s) voided. Roster imports keep this; `meetings restore` undoes it.");
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
