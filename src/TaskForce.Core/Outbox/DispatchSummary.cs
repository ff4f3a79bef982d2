namespace TaskForce.Core.Outbox;

/// <summary>What one dispatch pass did with each claimed job.</summary>
public enum DispatchOutcome
{
    Sent,
    Retrying,
    Failed,
    Skipped,
    Deferred,
    Digested,
    Waiting,
    LeaseLost,
}

/// <summary>Counts of outcomes of one dispatch pass.</summary>
public sealed class DispatchSummary
{
    private readonly Dictionary<DispatchOutcome, int> _counts = [];

    public int Claimed => _counts.Values.Sum();

    public int this[DispatchOutcome outcome] => _counts.GetValueOrDefault(outcome);

    public void Add(DispatchOutcome outcome) => _counts[outcome] = this[outcome] + 1;
}
