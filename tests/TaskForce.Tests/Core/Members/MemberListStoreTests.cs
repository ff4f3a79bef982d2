using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Members;
using TaskForce.Tests.Core.Roster;

namespace TaskForce.Tests.Core.Members;

public sealed class MemberListStoreTests
{
    [Fact]
    public async Task ListAsync_LinkedAndDeadAccounts_ShowsStatusPerMember()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        await RosterTestData.ImportTextAsync(db, RosterTestData.Small);
        await using (SqliteConnection connection = await db.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO MemberAccounts (MemberId, ChannelId, UserId, LinkedAtMs, LinkedBy) SELECT Id, 'msteams', 'u-bob', 1, 'test' FROM Members WHERE Key = 'bob';
                INSERT INTO ConversationReferences (ChannelId, ConversationId, UserId, MemberId, ServiceUrl, Reference, UpdatedAtMs, DeadAtMs, DeadReason)
                SELECT 'msteams', 'c1', 'u-bob', Id, 'https://example.org/', '{}', 5, 6, 'blocked' FROM Members WHERE Key = 'bob';
                """);
        }

        IReadOnlyList<MemberListing> members = await new MemberListStore(db.Connections).ListAsync(CancellationToken.None);

        Assert.Equal(new MemberListing("alice", "Alice", "staff@camp", "Dept A", 0, false), members[0]);
        Assert.Equal(new MemberListing("bob", "Bob", "admin, commander@camp", null, 1, true), members[1]);
        string table = MemberTable.Format(members);
        Assert.Contains("not linked", table, StringComparison.Ordinal);
        Assert.Contains("linked (1), dead", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ChineseNames_AlignsColumnsByDisplayWidth()
    {
        MemberListing[] members = [new("zhao-ming", "赵明", "staff@fashion", "市商务局", 0, false), new("x", "Xavier", "admin", null, 2, false)];

        string[] lines = MemberTable.Format(members).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(lines[1].IndexOf("staff", StringComparison.Ordinal) + 2, lines[2].IndexOf("admin", StringComparison.Ordinal));
    }
}
