using TaskForce.Bot.Endpoints;

namespace TaskForce.Tests.Bot;

public sealed class ConversationLocksTests
{
    [Fact]
    public async Task AcquireAsync_SameKeyHeld_WaitsUntilReleased()
    {
        var locks = new ConversationLocks();
        IDisposable first = await locks.AcquireAsync("c1", CancellationToken.None);

        Task<IDisposable> second = locks.AcquireAsync("c1", CancellationToken.None);
        bool waitedWhileHeld = !second.IsCompleted;
        first.Dispose();
        using IDisposable secondHeld = await second;

        Assert.True(waitedWhileHeld);
    }

    [Fact]
    public async Task AcquireAsync_OtherKey_DoesNotWait()
    {
        var locks = new ConversationLocks();
        using IDisposable first = await locks.AcquireAsync("c1", CancellationToken.None);

        Task<IDisposable> other = locks.AcquireAsync("c2", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task Dispose_LastHolder_RemovesEntry()
    {
        var locks = new ConversationLocks();

        using (await locks.AcquireAsync("c1", CancellationToken.None))
        {
            Assert.Equal(1, locks.Count);
        }

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndLeavesNoEntry()
    {
        var locks = new ConversationLocks();
        IDisposable first = await locks.AcquireAsync("c1", CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        Task<IDisposable> waiting = locks.AcquireAsync("c1", cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();
        Assert.Equal(0, locks.Count);
    }
}
