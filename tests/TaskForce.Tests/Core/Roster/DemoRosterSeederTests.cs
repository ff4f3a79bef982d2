using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TaskForce.Core.Roster;

namespace TaskForce.Tests.Core.Roster;

public sealed class DemoRosterSeederTests
{
    [Fact]
    public async Task SeedIfEmptyAsync_EmptyDatabase_ImportsDemoAsSystem()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();

        RosterImportResult? result = await Seeder(db, new RosterOptions()).SeedIfEmptyAsync(CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(3, result.Created["Campaign"]);
        Assert.Equal(1, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM AuditLog WHERE Action = 'import' AND Actor = 'system:demo-roster';"));
    }

    [Fact]
    public async Task SeedIfEmptyAsync_CampaignsExist_ImportsNothing()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);

        RosterImportResult? result = await Seeder(db, new RosterOptions()).SeedIfEmptyAsync(CancellationToken.None);

        Assert.Null(result);
        Assert.Equal(1, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Campaigns;"));
    }

    [Fact]
    public async Task SeedIfEmptyAsync_Disabled_ImportsNothing()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();

        RosterImportResult? result = await Seeder(db, new RosterOptions { ImportDemoWhenEmpty = false }).SeedIfEmptyAsync(CancellationToken.None);

        Assert.Null(result);
        Assert.Equal(0, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM Campaigns;"));
    }

    [Fact]
    public async Task SeedIfEmptyAsync_FileMissing_ImportsNothing()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();

        RosterImportResult? result = await Seeder(db, new RosterOptions { DemoFile = "samples/no-such-file.yaml" }).SeedIfEmptyAsync(CancellationToken.None);

        Assert.Null(result);
        Assert.Equal(0, await RosterTestData.CountAsync(db, "SELECT COUNT(*) FROM AuditLog;"));
    }

    private static DemoRosterSeeder Seeder(TempDatabase db, RosterOptions options) =>
        new(db.Database, RosterTestData.Importer(db), Options.Create(options), NullLogger<DemoRosterSeeder>.Instance);
}
