using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TaskForce.Bot.Endpoints;
using TaskForce.Core.Conversations;

namespace TaskForce.Tests.Bot;

public sealed class ProcessedActivityPrunerTests
{
    [Fact]
    public async Task PruneAsync_EntriesAroundRetention_DeletesOnlyOlderOnes()
    {
        await using TempDatabase db = await TempDatabase.CreateMigratedAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 3, 4, 1, 30, 0, TimeSpan.Zero));
        var store = new ProcessedActivityStore(db.Database);
        await store.MarkProcessedAsync("msteams", "a:1", "older", time.GetUtcNow() - TimeSpan.FromHours(25), CancellationToken.None);
        await store.MarkProcessedAsync("msteams", "a:1", "recent", time.GetUtcNow() - TimeSpan.FromHours(23), CancellationToken.None);
        using var pruner = new ProcessedActivityPruner(store, Options.Create(new MessagingOptions()), time, NullLogger<ProcessedActivityPruner>.Instance);

        int deleted = await pruner.PruneAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.True(await store.IsProcessedAsync("msteams", "a:1", "recent", CancellationToken.None));
    }
}
