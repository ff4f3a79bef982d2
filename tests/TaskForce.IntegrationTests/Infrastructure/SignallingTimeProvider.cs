using Microsoft.Extensions.Time.Testing;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also says when code under test starts waiting (creates a timer), so a test
/// advances the clock only once the wait is registered — no sleeps, no races.
/// </summary>
internal sealed class SignallingTimeProvider(DateTimeOffset start) : TimeProvider, IDisposable
{
    private readonly SemaphoreSlim _timers = new(0);

    public FakeTimeProvider Fake { get; } = new(start);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = Fake.CreateTimer(callback, state, dueTime, period);
        _timers.Release();
        return timer;
    }

    /// <summary>Waits (10 s at most) until the next timer is created.</summary>
    public Task WaitForTimerAsync() => _timers.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(
        t => Assert.True(t.Result, "no wait was started"), TaskScheduler.Default);

    public void Advance(TimeSpan by) => Fake.Advance(by);

    public void Dispose() => _timers.Dispose();
}
