using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TaskForce.Core.Storage;

namespace TaskForce.Core.Calendar;

/// <summary>Loads the holiday and make-up workday rows (CalendarDays) into a <see cref="WorkingCalendar"/>.</summary>
public sealed class CalendarStore(Database db, IOptions<WorkingCalendarOptions> options)
{
    public async Task<WorkingCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        const string Sql = "SELECT Date, Kind FROM CalendarDays;";
        await using SqliteConnection connection = await db.OpenAsync(cancellationToken);
        IEnumerable<DayRow> rows = await connection.QueryAsync<DayRow>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        Dictionary<DateOnly, bool> days = rows.ToDictionary(
            row => DateOnly.ParseExact(row.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row => row.Kind == "workday");
        return new WorkingCalendar(days, options.Value);
    }

    private sealed record DayRow(string Date, string Kind);
}
