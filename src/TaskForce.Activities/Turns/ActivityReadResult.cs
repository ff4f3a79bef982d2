using TaskForce.Activities.Schema;

namespace TaskForce.Activities.Turns;

/// <summary>A parsed inbound activity, or the HTTP status (400, 413, 415) and reason it was refused with.</summary>
public sealed record ActivityReadResult
{
    public BotActivity? Activity { get; private init; }

    public int Status { get; private init; }

    public string? Problem { get; private init; }

    public static ActivityReadResult Ok(BotActivity activity) => new() { Activity = activity, Status = 200 };

    public static ActivityReadResult Fail(int status, string problem) => new() { Status = status, Problem = problem };
}
