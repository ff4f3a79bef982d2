using Dapper;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Conversations;

namespace TaskForce.Tests.Core.Conversations;

public sealed class ConversationReferenceStoreTests
{
    private static readonly DateTimeOffset s_now = new(2030, 3, 4, 1, 30, 0, TimeSpan.Zero);

    private static StoredConversationReference Reference(string serviceUrl = "https://smba.trafficmanager.net/amer", string conversationId = "a:1", string? type = "personal") =>
        new("msteams", conversationId, "29:user", serviceUrl, "tenant-1", type, "zh-CN", "Asia/Shanghai", """{"channelId":"msteams"}""");

    [Fact]
    public async Task UpsertAsync_SameConversationAgain_RefreshesServiceUrlAndKeepsOneRow()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var store = new ConversationReferenceStore(db.Database);
        await store.UpsertAsync(Reference(), s_now, CancellationToken.None);

        await store.UpsertAsync(Reference("https://smba.trafficmanager.net/emea") with { Locale = null }, s_now.AddMinutes(1), CancellationToken.None);

        StoredConversationReference? stored = await store.GetAsync("msteams", "a:1", "29:user", CancellationToken.None);
        Assert.Equal("https://smba.trafficmanager.net/emea", stored!.ServiceUrl);
        Assert.Equal("zh-CN", stored.Locale);
        Assert.Equal(s_now.AddMinutes(1), stored.UpdatedAt);
        await using SqliteConnection connection = await db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ConversationReferences;"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM AuditLog WHERE Action = 'conversation.captured';"));
    }

    [Fact]
    public async Task MarkDeadAsync_ThenNewActivity_IsDeadThenRevived()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var store = new ConversationReferenceStore(db.Database);
        await store.UpsertAsync(Reference(), s_now, CancellationToken.None);

        int marked = await store.MarkDeadAsync("msteams", "a:1", "BotNotInConversationRoster", s_now, CancellationToken.None);
        StoredConversationReference? dead = await store.GetAsync("msteams", "a:1", "29:user", CancellationToken.None);
        await store.UpsertAsync(Reference(), s_now.AddDays(1), CancellationToken.None);
        StoredConversationReference? revived = await store.GetAsync("msteams", "a:1", "29:user", CancellationToken.None);

        Assert.Equal(1, marked);
        Assert.Equal("BotNotInConversationRoster", dead!.DeadReason);
        Assert.Equal(s_now, dead.DeadAt);
        Assert.Null(revived!.DeadAt);
    }

    [Fact]
    public async Task GetLatestForMemberAsync_PersonalAndDeadReferences_ReturnsLivePersonalOne()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var store = new ConversationReferenceStore(db.Database);
        await store.UpsertAsync(Reference(conversationId: "a:personal"), s_now, CancellationToken.None);
        await store.UpsertAsync(Reference(conversationId: "19:group", type: "groupChat"), s_now.AddMinutes(5), CancellationToken.None);
        await store.UpsertAsync(Reference(conversationId: "a:old"), s_now.AddMinutes(9), CancellationToken.None);
        await store.MarkDeadAsync("msteams", "a:old", "MessageWritesBlocked", s_now, CancellationToken.None);
        await LinkAllToMemberAsync(db);

        StoredConversationReference? latest = await store.GetLatestForMemberAsync(1, CancellationToken.None);

        Assert.Equal("a:personal", latest!.ConversationId);
    }

    [Fact]
    public async Task TrustedServiceUrlStore_RememberedAndOther_TellsThemApart()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var references = new ConversationReferenceStore(db.Database);
        var trusted = new TrustedServiceUrlStore(db.Database);
        await references.UpsertAsync(Reference(), s_now, CancellationToken.None);

        await trusted.RememberAsync("https://bots.example.org/amer", s_now, CancellationToken.None);
        await trusted.RememberAsync("https://bots.example.org/amer", s_now, CancellationToken.None);

        Assert.True(await trusted.IsTrustedAsync("https://BOTS.example.org/amer", CancellationToken.None));
        // A stored conversation reference is no proof that its service URL may receive the bot's token.
        Assert.False(await trusted.IsTrustedAsync("https://smba.trafficmanager.net/amer", CancellationToken.None));
    }

    private static async Task LinkAllToMemberAsync(TempDatabase db)
    {
        await using SqliteConnection connection = await db.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO Members (Id, Key, Name) VALUES (1, 'm1', 'Member One');");
        await connection.ExecuteAsync("UPDATE ConversationReferences SET MemberId = 1;");
    }
}
