using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;

namespace TaskForce.IntegrationTests.Infrastructure;

/// <summary>
/// A handler that answers a message with its own text, so protocol tests see exactly what the wire layer
/// did (mention stripping, addressing, locale) without the dialogs in between.
/// </summary>
internal sealed class EchoHandler : IActivityHandler
{
    public static string Expected(string text, string? locale = null) =>
        (locale ?? "en-US").StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "你说：" + text : "You said: " + text;

    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type == ActivityTypes.Message)
        {
            await turn.SendAsync(BotActivity.Message(Expected(turn.Text, turn.Locale)), cancellationToken);
        }

        return null;
    }
}
