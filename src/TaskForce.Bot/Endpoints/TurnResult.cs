using TaskForce.Activities.Schema;

namespace TaskForce.Bot.Endpoints;

/// <summary>What a turn produced for the HTTP response.</summary>
internal sealed record TurnResult(InvokeResponse? Invoke, IReadOnlyList<BotActivity> Replies, bool Duplicate, bool Failed)
{
    public static TurnResult DuplicateOf() => new(null, [], Duplicate: true, Failed: false);

    public static TurnResult Failure() => new(null, [], Duplicate: false, Failed: true);
}
