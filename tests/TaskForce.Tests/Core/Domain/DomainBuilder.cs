using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Members;

namespace TaskForce.Tests.Core.Domain;

/// <summary>Inserts a small roster straight into a test database; names only what a test needs.</summary>
internal sealed class DomainBuilder(TempDatabase db)
{
    private int _next;

    public async Task<long> DepartmentAsync(string name = "市商务局", string? nameEn = "Commerce Bureau")
    {
        await using SqliteConnection c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<long>(
            "INSERT INTO Departments (Key, Name, NameEn) VALUES (@Key, @Name, @NameEn) RETURNING Id;", new { Key = Key("d"), Name = name, NameEn = nameEn });
    }

    public async Task<long> CampaignAsync(string name = "国际时尚城建设攻势")
    {
        await using SqliteConnection c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<long>("INSERT INTO Campaigns (Key, Name) VALUES (@Key, @Name) RETURNING Id;", new { Key = Key("c"), Name = name });
    }

    public async Task<long> MemberAsync(string role = Roles.Staff, long? campaignId = null, string? aadObjectId = null, string name = "赵明")
    {
        await using SqliteConnection c = await db.OpenAsync();
        string key = Key("m");
        long id = await c.ExecuteScalarAsync<long>(
            "INSERT INTO Members (Key, Name, AadObjectId) VALUES (@Key, @Name, @Aad) RETURNING Id;", new { Key = key, Name = name + key, Aad = aadObjectId });
        await c.ExecuteAsync("INSERT INTO MemberRoles (MemberId, Role, CampaignId) VALUES (@Id, @Role, @CampaignId);", new { Id = id, Role = role, CampaignId = campaignId });
        return id;
    }

    public async Task<long> TaskAsync(long campaignId, long ownerId, long departmentId, string title = "首店引进", string start = "2026-09-01", string deadline = "2026-12-31")
    {
        await using SqliteConnection c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO Tasks (CampaignId, Key, Title, OwnerMemberId, DepartmentId, StartDate, Deadline)
            VALUES (@CampaignId, @Key, @Title, @OwnerId, @DepartmentId, @Start, @Deadline) RETURNING Id;
            """,
            new { CampaignId = campaignId, Key = Key("t"), Title = title, OwnerId = ownerId, DepartmentId = departmentId, Start = start, Deadline = deadline });
    }

    public async Task<long> CountAsync(string table)
    {
        await using SqliteConnection c = await db.OpenAsync();
        return await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table};");
    }

    private string Key(string prefix) => prefix + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
