using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TaskForce.Bot.Operations;

/// <summary>The bot's instruments on the <c>TaskForce.Bot</c> meter and its <c>TaskForce.Bot</c> activity source.</summary>
internal sealed class BotMetrics
{
    public const string MeterName = "TaskForce.Bot";

    public static readonly ActivitySource Source = new(MeterName);

    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _turns;
    private readonly Counter<long> _outboxOutcomes;
    private readonly Counter<long> _connectorAttempts;

    public BotMetrics(IMeterFactory meterFactory, OutboxDepthReader depth)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(depth);
        Meter meter = meterFactory.Create(MeterName);
        _turnDuration = meter.CreateHistogram<double>("taskforce.turn.duration", unit: "ms", description: "Time to handle one incoming activity, replies included");
        _turns = meter.CreateCounter<long>("taskforce.turns", unit: "{turn}", description: "Handled activities by intent");
        _outboxOutcomes = meter.CreateCounter<long>("taskforce.outbox.deliveries", unit: "{delivery}", description: "Outbox delivery attempts by outcome");
        _connectorAttempts = meter.CreateCounter<long>("taskforce.connector.attempts", unit: "{request}", description: "HTTP requests to the Bot Connector by result; retryable results are retried by the connector client");
        meter.CreateObservableGauge("taskforce.outbox.depth", depth.Read, unit: "{job}", description: "Outbox rows by state");
    }

    public void RecordTurn(double milliseconds, string intent, string activityType)
    {
        var tags = new TagList { { "intent", intent }, { "activity.type", activityType } };
        _turnDuration.Record(milliseconds, tags);
        _turns.Add(1, tags);
    }

    public void RecordDelivery(string outcome) => _outboxOutcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void RecordConnectorAttempt(string result, bool retryable) =>
        _connectorAttempts.Add(1, new TagList { { "result", result }, { "retryable", retryable } });
}
