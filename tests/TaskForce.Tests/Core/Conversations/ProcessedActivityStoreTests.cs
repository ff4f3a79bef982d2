using TaskForce.Core.Conversations;

namespace TaskForce.Tests.Core.Conversations;

public sealed class ProcessedActivityStoreTests
{
    private static readonly DateTimeOffset s_now = new(2030, 3, 4, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task MarkProcessedAsync_Twice_SecondReportsAlreadyProcessed()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var store = new ProcessedActivityStore(db.Database);

        bool first = await store.MarkProcessedAsync("msteams", "a:1", "act-1", s_now, CancellationToken.None);
        bool second = await store.MarkProcessedAsync("msteams", "a:1", "act-1", s_now, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.True(await store.IsProcessedAsync("msteams", "a:1", "act-1", CancellationToken.None));
        Assert.False(await store.IsProcessedAsync("msteams", "a:2", "act-1", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteOlderThanAsync_Cutoff_ForgetsOnlyOlderEntries()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var store = new ProcessedActivityStore(db.Database);
        await store.MarkProcessedAsync("msteams", "a:1", "old", s_now.AddDays(-2), CancellationToken.None);
        await store.MarkProcessedAsync("msteams", "a:1", "new", s_now, CancellationToken.None);

        int deleted = await store.DeleteOlderThanAsync(s_now.AddDays(-1), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.False(await store.IsProcessedAsync("msteams", "a:1", "old", CancellationToken.None));
        Assert.True(await store.IsProcessedAsync("msteams", "a:1", "new", CancellationToken.None));
    }
}
