using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Export;
using TaskForce.Core.Roster;
using TaskForce.Tests.Core.Roster;

namespace TaskForce.Tests.Core.Export;

public sealed class CsvExporterTests
{
    [Fact]
    public async Task WriteAsync_Reports_StartsWithUtf8BomAndQuotesSpecialCharacters()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        using var stream = new MemoryStream();

        await new CsvExporter(new ExportStore(db.Connections)).WriteAsync(
            ExportKind.Reports, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), stream, CancellationToken.None);

        byte[] bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        string text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("\"half, done\"", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-20 10:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_Blockers_DoublesQuotesAndNamesDepartments()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        string csv = await new CsvExporter(new ExportStore(db.Connections)).BuildAsync(
            ExportKind.Blockers, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 21), CancellationToken.None);

        List<List<string>> rows = Csv.Parse(csv);
        Assert.Equal(2, rows.Count);
        Assert.Contains("\"needs a \"\"permit\"\", soon\"", csv, StringComparison.Ordinal);
        List<string> blocker = rows[1];
        Assert.Equal(["2026-11-21 09:00", "Campaign", "T1", "Task one", "Dept A", "Alice", "high", "0", "open", "Dept B"], blocker[1..11]);
    }

    [Fact]
    public async Task BuildAsync_ReportTextIsFormula_TextNeutralizedNumbersLeftAlone()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        await using (SqliteConnection connection = await db.OpenAsync())
        {
            // A negative id is what a code-written number column looks like when it starts with '-'.
            await connection.ExecuteAsync("UPDATE Reports SET Id = -7, Text = @Text, ChannelId = '@msteams';", new { Text = "=HYPERLINK(\"http://x\",\"y\")" });
        }

        string csv = await new CsvExporter(new ExportStore(db.Connections)).BuildAsync(
            ExportKind.Reports, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), CancellationToken.None);

        List<string> report = Csv.Parse(csv)[1];
        Assert.Equal("-7", report[0]);
        Assert.Equal("50", report[7]);
        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", report[9]);
        Assert.Equal("'@msteams", report[10]);
    }

    [Fact]
    public async Task BuildAsync_BlockerTextsAreFormulasOrChinese_OnlyFormulasPrefixed()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        await using (SqliteConnection connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE Blockers SET Text = '-2+3', Category = '+1+1', ResolutionNote = '海洋牧场用地已批复';");
        }

        string csv = await new CsvExporter(new ExportStore(db.Connections)).BuildAsync(
            ExportKind.Blockers, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 21), CancellationToken.None);

        List<string> blocker = Csv.Parse(csv)[1];
        Assert.Equal("0", blocker[8]);
        Assert.Equal("'+1+1", blocker[11]);
        Assert.Equal("'-2+3", blocker[12]);
        Assert.Equal("海洋牧场用地已批复", blocker[16]);
    }

    [Fact]
    public async Task BuildAsync_RangeExcludesDay_ReturnsHeaderOnly()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        string csv = await new CsvExporter(new ExportStore(db.Connections)).BuildAsync(
            ExportKind.Reports, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 30), CancellationToken.None);

        Assert.Single(Csv.Parse(csv));
    }

    [Fact]
    public async Task BuildAsync_DemoRosterImported_ExportMatchesTheFile()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.Importer(db).ImportFileAsync(RosterTestData.DemoPath, "cli:import", CancellationToken.None);
        RosterDocument document = ParseDemo();
        var exporter = new CsvExporter(new ExportStore(db.Connections));

        List<List<string>> reports = Csv.Parse(await exporter.BuildAsync(ExportKind.Reports, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), CancellationToken.None));
        List<List<string>> blockers = Csv.Parse(await exporter.BuildAsync(ExportKind.Blockers, new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31), CancellationToken.None));

        Dictionary<string, string> names = document.Members.ToDictionary(m => m.Key, m => m.Name);
        string[] expectedReports = [.. document.Tasks.Where(t => t.Progress is not null)
            .Select(t => $"{t.Key}|{t.Title}|{names[t.Progress!.Reporter]}|{t.Progress.Percent}|{t.Progress.Status}|{t.Progress.Text}|{CsvExporter.Time(t.Progress.At.ToUnixTimeMilliseconds())}")
            .Order(StringComparer.Ordinal)];
        string[] actualReports = [.. reports.Skip(1).Select(r => $"{r[3]}|{r[4]}|{r[6]}|{r[7]}|{r[8]}|{r[9]}|{r[1]}").Order(StringComparer.Ordinal)];
        Assert.Equal(expectedReports, actualReports);
        string[] expectedBlockers = [.. document.Tasks.SelectMany(t => t.Blockers.Select(b => $"{t.Key}|{b.Text}|{b.Severity}|{b.Level}|{names[b.RaisedBy]}"))
            .Order(StringComparer.Ordinal)];
        string[] actualBlockers = [.. blockers.Skip(1).Select(r => $"{r[3]}|{r[12]}|{r[7]}|{r[8]}|{r[6]}").Order(StringComparer.Ordinal)];
        Assert.Equal(expectedBlockers, actualBlockers);
    }

    private static RosterDocument ParseDemo()
    {
        using var reader = new StreamReader(RosterTestData.DemoPath);
        (RosterDocument? document, _) = RosterParser.Parse(reader, "demo");
        return document!;
    }
}
