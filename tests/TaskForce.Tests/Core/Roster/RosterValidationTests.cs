using TaskForce.Core.Roster;

namespace TaskForce.Tests.Core.Roster;

public sealed class RosterValidationTests
{
    [Theory]
    [InlineData("owner: alice", "owner: zed", "tasks[0].owner", "unknown member 'zed'")]
    [InlineData("department: dept-a\n    supportingDepartments", "department: dept-x\n    supportingDepartments", "tasks[0].department", "unknown department 'dept-x'")]
    [InlineData("deadline: 2026-12-31", "deadline: 2026-09-01", "tasks[0].deadline", "before start")]
    [InlineData("rrule: FREQ=WEEKLY;BYDAY=MO", "rrule: FREQ=SOMETIMES;BYDAY=MO", "meetings[0].rrule", "not a valid RRULE")]
    [InlineData("rrule: FREQ=WEEKLY;BYDAY=MO", "rrule: BYDAY=MO", "meetings[0].rrule", "not a valid RRULE")]
    [InlineData("durationMinutes: 60", "durationMinutes: 60\n    timeZone: Mars/Olympus", "meetings[0].timeZone", "not a known IANA time zone")]
    [InlineData("{ key: dept-b, name: Dept B }", "{ key: dept-b, name: Dept B }\n  - { key: dept-a, name: Again }", "departments[2].key", "duplicate key 'dept-a' (first defined on line 2)")]
    [InlineData("percent: 50", "percent: 150", "tasks[0].progress.percent", "outside 0-100")]
    [InlineData("percent: 50", "percent: -1", "tasks[0].progress.percent", "outside 0-100")]
    [InlineData("roles: [{ role: commander, campaign: camp }, { role: admin }]", "roles: []", "members[1].roles", "at least one role")]
    [InlineData("{ role: admin }", "{ role: janitor }", "members[1].roles[1].role", "not one of")]
    [InlineData("leadDepartment: dept-a", "leadDepartment: nowhere", "campaigns[0].leadDepartment", "unknown department 'nowhere'")]
    [InlineData("battle: b1", "battle: b9", "tasks[0].battle", "unknown battle 'b9'")]
    [InlineData("attendees: [{ role: staff }, { member: bob }]", "attendees: [{ role: staff }, { member: carol }]", "meetings[0].attendees[1].member", "unknown member 'carol'")]
    [InlineData("start: 2026-10-01", "start: 2026-13-01", "tasks[0].start", "not a date")]
    [InlineData("email: alice@example.org", "emial: alice@example.org", "members[0].emial", "unknown field")]
    [InlineData("name: Bob", "name: Bob\n    email: ALICE@example.org", "members[1].email", "already used by another member")]
    [InlineData("{ member: bob }", "{ member: bob, role: staff }", "meetings[0].attendees[1].member", "either a member or a role")]
    [InlineData("key: weekly", "key: weekly plan", "meetings[0].key", "may not contain spaces")]
    [InlineData("durationMinutes: 60", "durationMinutes: 0", "meetings[0].durationMinutes", "must be positive")]
    public async Task ImportAsync_BadFile_NamesFileLineAndFieldAndWritesNothing(string find, string replace, string field, string message)
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        (string Hash, string Dump) before = await RosterTestData.FingerprintAsync(db);
        string bad = ReplaceOnce(RosterTestData.Small, find, replace);

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, bad, "bad.yaml");

        RosterError error = Assert.Single(result.Errors);
        Assert.Equal("bad.yaml", error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        string name = field.Split('.')[^1].Split('[')[0] + ":";
        Assert.Equal(LineOf(bad, replace.Split('\n').Last(part => part.Contains(name, StringComparison.Ordinal)).Trim()), error.Line);
        Assert.StartsWith($"bad.yaml:{error.Line}: {field}: ", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await RosterTestData.FingerprintAsync(db));
    }

    [Fact]
    public async Task ImportAsync_MalformedYaml_ReportsLineAndWritesNothing()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        (string Hash, string Dump) before = await RosterTestData.FingerprintAsync(db);
        string bad = ReplaceOnce(RosterTestData.Small, "title: Task one", "title: [Task one");

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, bad, "bad.yaml");

        RosterError error = Assert.Single(result.Errors);
        Assert.Equal("(yaml)", error.Field);
        Assert.StartsWith("malformed YAML", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, LineOf(bad, "title: [Task one"), LineOf(bad, "title: [Task one") + 2);
        Assert.Equal(before, await RosterTestData.FingerprintAsync(db));
    }

    [Fact]
    public async Task ImportAsync_FieldGivenTwice_RejectedAsMalformed()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        string bad = ReplaceOnce(RosterTestData.Small, "title: Task one", "title: Task one\n    title: Again");

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, bad, "bad.yaml");

        RosterError error = Assert.Single(result.Errors);
        Assert.Equal("(yaml)", error.Field);
        Assert.Equal(LineOf(bad, "title: Again"), error.Line);
        Assert.Equal(0, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Departments;"));
    }

    [Fact]
    public async Task ImportAsync_SeveralProblems_ReportsEveryOne()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        string bad = RosterTestData.Small
            .Replace("owner: alice", "owner: zed", StringComparison.Ordinal)
            .Replace("percent: 50", "percent: 101", StringComparison.Ordinal)
            .Replace("FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=XX", StringComparison.Ordinal);

        RosterImportResult result = await RosterTestData.ImportTextAsync(db, bad, "bad.yaml");

        Assert.False(result.Succeeded);
        Assert.Equal(["meetings[0].rrule", "tasks[0].owner", "tasks[0].progress.percent"], result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(0, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Departments;"));
        Assert.Equal(0, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM AuditLog;"));
    }

    [Fact]
    public async Task ImportFileAsync_MissingFile_ReportsFileNotFound()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();

        RosterImportResult result = await RosterTestData.Importer(db).ImportFileAsync("no-such-roster.yaml", "cli:import", CancellationToken.None);

        Assert.Contains("file not found", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    private static string ReplaceOnce(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in the sample");
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }

    private static int LineOf(string text, string fragment) =>
        text.Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains(fragment, StringComparison.Ordinal)).i + 1;
}
