using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Core;
using TaskForce.Core.Members;
using TaskForce.Core.Storage;
using TaskForce.Dialogs.Language;

namespace TaskForce.IntegrationTests.Language;

/// <summary>
/// The language services as the host registers them (AddCore + AddLanguageModel), pointed at a fake Azure OpenAI
/// endpoint, over a private SQLite file holding two campaigns: Ocean Ranch, led by <see cref="Leader"/>, and
/// Fashion City, whose records all carry one of <see cref="OutsideMarkers"/>.
/// </summary>
internal sealed class LanguageFixture : IAsyncDisposable
{
    public const string Deployment = "gpt-4o-test";
    public const string ApiKey = "test-key-123";

    public static readonly string[] OutsideMarkers = ["Fashion City", "Runway hall", "SECRET-B", "Mall permit"];

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tf-it-llm-{Guid.NewGuid():N}.db");

    private LanguageFixture(FakeAzureOpenAI fake) => Fake = fake;

    public FakeAzureOpenAI Fake { get; }

    public ServiceProvider Services { get; private set; } = null!;

    public static DateOnly Today { get; } = new(2030, 3, 14);

    public static Member Leader { get; } = new(1, "leader", "Lin Lead", null, 1, "en-US", "Asia/Shanghai", [new MemberRole(Roles.Commander, 1)]);

    public static Member Staff { get; } = new(2, "staff-a", "Alice Staff", null, 1, "zh-CN", "Asia/Shanghai", [new MemberRole(Roles.Staff, 1)]);

    public static async Task<LanguageFixture> StartAsync(TimeSpan timeout)
    {
        var fixture = new LanguageFixture(await FakeAzureOpenAI.StartAsync());
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={fixture._path};Pooling=False",
            ["AzureOpenAI:Endpoint"] = fixture.Fake.Endpoint.ToString(),
            ["AzureOpenAI:Deployment"] = Deployment,
            ["AzureOpenAI:ApiKey"] = ApiKey,
            ["AzureOpenAI:Timeout"] = timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddCore();
        services.AddLanguageModel();
        fixture.Services = services.BuildServiceProvider();
        await fixture.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        await fixture.SeedAsync();
        return fixture;
    }

    private async Task SeedAsync()
    {
        const string Sql = """
            INSERT INTO Departments (Id, Key, Name, NameEn) VALUES (1, 'ocean', 'Ocean Bureau', 'Ocean Bureau'), (2, 'market', 'Market Bureau', 'Market Bureau');
            INSERT INTO Campaigns (Id, Key, Name, NameEn) VALUES (1, 'ocean-ranch', 'Ocean Ranch', 'Ocean Ranch'), (2, 'fashion-city', 'Fashion City', 'Fashion City');
            INSERT INTO Members (Id, Key, Name, DepartmentId) VALUES (1, 'leader', 'Lin Lead', 1), (2, 'staff-a', 'Alice Staff', 1), (3, 'staff-b', 'Bob Staff', 2);
            INSERT INTO MemberRoles (MemberId, Role, CampaignId) VALUES (1, 'commander', 1), (2, 'staff', 1), (3, 'staff', 2);
            INSERT INTO Tasks (Id, CampaignId, Key, Title, OwnerMemberId, DepartmentId, StartDate, Deadline, LatestPercent) VALUES
                (1, 1, 'pier', 'Pier permit', 2, 2, '2030-01-01', '2030-03-10', 40),
                (2, 1, 'barge', 'Feed barge', 2, 1, '2030-01-01', '2030-06-30', 30),
                (3, 2, 'runway', 'Runway hall', 3, 2, '2030-01-01', '2030-03-01', 10);
            INSERT INTO Reports (TaskId, ReporterMemberId, Percent, Text, CreatedAtMs) VALUES (3, 3, 10, 'SECRET-B runway contract unsigned', 1900000000000);
            INSERT INTO Blockers (TaskId, RaisedByMemberId, Text, Severity, Level, RaisedAtMs, LevelSinceMs) VALUES (3, 3, 'Mall permit refused', 'critical', 2, 1900000000000, 1900000000000);
            """;
        await using SqliteConnection connection = await Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(Sql);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
