using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Bot.Operations;
using TaskForce.IntegrationTests.Conversations;
using TaskForce.IntegrationTests.Infrastructure;

namespace TaskForce.IntegrationTests.Operations;

public sealed class MetricsTests
{
    [Fact]
    public async Task TurnDuration_HelpMessage_RecordedOnceWithItsIntent()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(TestRoster.Yaml);
        using var recorder = new BotMeterRecorder(host.App.Services.GetRequiredService<IMeterFactory>());
        ConversationDriver chat = host.Chat("29:zhang", TestRoster.StaffAad);

        await chat.SendAsync("帮助");

        Recorded turn = Assert.Single(recorder.Snapshot(), m => m.Instrument == "taskforce.turn.duration");
        Assert.Equal("Help", turn.Tags["intent"]);
        Assert.Equal("message", turn.Tags["activity.type"]);
        Assert.True(turn.Value >= 0);
        Recorded counted = Assert.Single(recorder.Snapshot(), m => m.Instrument == "taskforce.turns");
        Assert.Equal(1, counted.Value);
        Assert.Equal("Help", counted.Tags["intent"]);
    }

    [Fact]
    public async Task OutboxDepth_Observed_MatchesTheRowsByState()
    {
        await using ConversationHost host = await ConversationHost.StartAsync(TestRoster.Yaml);
        await host.ScalarAsync(
            "INSERT INTO Outbox (Kind, IdempotencyKey, DueAtMs, NextAttemptAtMs, State, CreatedAtMs) VALUES ('test', 'k1', 0, 0, 'failed', 0), ('test', 'k2', 0, 0, 'failed', 0); SELECT 0;");
        long failed = await host.ScalarAsync("SELECT COUNT(*) FROM Outbox WHERE State = 'failed';");
        using var recorder = new BotMeterRecorder(host.App.Services.GetRequiredService<IMeterFactory>());

        recorder.Listener.RecordObservableInstruments();

        Recorded depth = Assert.Single(recorder.Snapshot(), m => m.Instrument == "taskforce.outbox.depth" && Equals(m.Tags["state"], "failed"));
        Assert.Equal(failed, depth.Value);
    }

    internal sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    /// <summary>Listens to the <c>TaskForce.Bot</c> meter of one host only (tests run in parallel).</summary>
    private sealed class BotMeterRecorder : IDisposable
    {
        private readonly List<Recorded> _recorded = [];

        public BotMeterRecorder(IMeterFactory scope)
        {
            Listener = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == BotMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            Listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            Listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            Listener.Start();
        }

        public MeterListener Listener { get; }

        public Recorded[] Snapshot()
        {
            lock (_recorded)
            {
                return [.. _recorded];
            }
        }

        public void Dispose() => Listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach ((string key, object? tag) in tags)
            {
                copy[key] = tag;
            }

            lock (_recorded)
            {
                _recorded.Add(new Recorded(instrument.Name, value, copy));
            }
        }
    }
}
