using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using TaskForce.Core.Calendar;
using TaskForce.Core.Outbox;

namespace TaskForce.Bot.Cli;

/// <summary><c>outbox [--state pending|waiting|failed|recent] [--limit N]</c>: the proactive-message queue, for administrators.</summary>
internal static class OutboxCommand
{
    internal static Command Create(IServiceProvider services)
    {
        Option<string?> state = new("--state") { Description = "pending, waiting (for a member's first message), failed or recent; all four when omitted" };
        state.AcceptOnlyFromAmong("pending", "waiting", "failed", "recent");
        Option<int> limit = new("--limit") { Description = "Rows per list", DefaultValueFactory = _ => 20 };
        Command command = new("outbox", "Lists pending, failed and recent outbox jobs with their attempts and reasons.");
        command.Options.Add(state);
        command.Options.Add(limit);
        command.SetAction(async (parse, cancellationToken) =>
        {
            OutboxReadStore reads = services.GetRequiredService<OutboxReadStore>();
            TimeZoneInfo zone = TimeZones.Find(services.GetRequiredService<IOptions<WorkingCalendarOptions>>().Value.TimeZone);
            OutboxListFilter[] filters = parse.GetValue(state) switch
            {
                "pending" => [OutboxListFilter.Pending],
                "waiting" => [OutboxListFilter.Waiting],
                "failed" => [OutboxListFilter.Failed],
                "recent" => [OutboxListFilter.Recent],
                _ => [OutboxListFilter.Pending, OutboxListFilter.Waiting, OutboxListFilter.Failed, OutboxListFilter.Recent],
            };
            foreach (OutboxListFilter filter in filters)
            {
                IReadOnlyList<OutboxJob> jobs = await reads.ListAsync(filter, parse.GetValue(limit), cancellationToken);
                await Console.Out.WriteLineAsync($"== {filter.ToString().ToLowerInvariant()} ({jobs.Count}) ==");
                await Console.Out.WriteLineAsync("id\tkind\tstate\tdue\trecipient\tattempts\tnext/completed\treason\tkey");
                foreach (OutboxJob job in jobs)
                {
                    await Console.Out.WriteLineAsync(Row(job, zone));
                }
            }

            return 0;
        });
        return command;
    }

    private static string Row(OutboxJob job, TimeZoneInfo zone)
    {
        DateTimeOffset when = job.CompletedAt ?? job.NextAttemptAt;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{job.Id}\t{job.Kind}\t{job.State.ToString().ToLowerInvariant()}\t{Local(job.DueAt, zone)}\t{job.RecipientMemberId}\t{job.Attempts}\t{Local(when, zone)}\t{job.LastError}\t{job.IdempotencyKey}");
    }

    internal static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZones.ToLocal(instant, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
