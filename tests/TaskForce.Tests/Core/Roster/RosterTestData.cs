using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Core.Roster;

namespace TaskForce.Tests.Core.Roster;

/// <summary>The demo roster, a small valid roster to mutate, and fingerprints of a database file.</summary>
internal static class RosterTestData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);

    public static string DemoPath
    {
        get
        {
            string copied = Path.Combine(AppContext.BaseDirectory, "samples", "demo-roster.yaml");
            if (File.Exists(copied))
            {
                return copied;
            }

            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "samples", "demo-roster.yaml");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("samples/demo-roster.yaml not found");
        }
    }

    public const string Small = """
        departments:
          - { key: dept-a, name: Dept A }
          - { key: dept-b, name: Dept B }
        campaigns:
          - key: camp
            name: Campaign
            leadDepartment: dept-a
            battles: [{ key: b1, name: Battle 1 }]
        members:
          - key: alice
            name: Alice
            department: dept-a
            email: alice@example.org
            roles: [{ role: staff, campaign: camp }]
          - key: bob
            name: Bob
            roles: [{ role: commander, campaign: camp }, { role: admin }]
        tasks:
          - key: T1
            campaign: camp
            battle: b1
            title: Task one
            owner: alice
            department: dept-a
            supportingDepartments: [dept-b]
            start: 2026-10-01
            deadline: 2026-12-31
            milestones: [{ title: Half, due: 2026-11-15, done: 2026-11-14 }]
            progress: { percent: 50, status: on_track, at: 2026-11-20T10:00, text: "half, done" }
            blockers:
              - { key: T1-x, text: "needs a \"permit\", soon", severity: high, raisedAt: 2026-11-21T09:00, departments: [dept-b] }
        meetings:
          - key: weekly
            campaign: camp
            title: Weekly
            rrule: FREQ=WEEKLY;BYDAY=MO
            start: 2026-09-07T09:00
            durationMinutes: 60
            attendees: [{ role: staff }, { member: bob }]
        calendar:
          - { date: 2027-01-01, kind: holiday, name: New Year }
        """;

    public static RosterImporter Importer(TempDatabase db) =>
        new(db.Database, new FakeTimeProvider(Now), NullLogger<RosterImporter>.Instance);

    public static Task<RosterImportResult> ImportTextAsync(TempDatabase db, string yaml, string file = "roster.yaml") =>
        Importer(db).ImportAsync(new StringReader(yaml), file, "cli:import", CancellationToken.None);

    /// <summary>A hash of the database file and its WAL after a checkpoint, plus a dump of every table.</summary>
    public static async Task<(string Hash, string Dump)> FingerprintAsync(TempDatabase db)
    {
        string dump;
        await using (SqliteConnection connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            var text = new System.Text.StringBuilder();
            foreach (string table in await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;"))
            {
                text.Append("## ").AppendLine(table);
                IEnumerable<string> rows = (await connection.QueryAsync($"SELECT * FROM \"{table}\";"))
                    .Cast<IDictionary<string, object>>()
                    .Select(row => string.Join('|', row.Select(c => $"{c.Key}={c.Value}")))
                    .Order(StringComparer.Ordinal);
                foreach (string row in rows)
                {
                    text.AppendLine(row);
                }
            }

            dump = text.ToString();
        }

        SqliteConnection.ClearAllPools();
        byte[] main = await File.ReadAllBytesAsync(db.Path);
        byte[] wal = File.Exists(db.Path + "-wal") ? await File.ReadAllBytesAsync(db.Path + "-wal") : [];
        return (Convert.ToHexString(SHA256.HashData([.. main, .. wal])), dump);
    }

    public static async Task<long> CountAsync(TempDatabase db, string sql)
    {
        await using SqliteConnection connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
