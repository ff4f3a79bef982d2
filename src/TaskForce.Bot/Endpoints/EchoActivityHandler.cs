using System.Globalization;
using Microsoft.Extensions.Options;
using TaskForce.Activities.Auth;
using TaskForce.Activities.Schema;
using TaskForce.Activities.Turns;

namespace TaskForce.Bot.Endpoints;

/// <summary>
/// The default handler until the dialogs take over: answers a message with its own text, ignores everything else,
/// and leaves invokes unhandled (501).
/// </summary>
internal sealed class EchoActivityHandler(EchoTexts texts, IOptions<BotOptions> options) : IActivityHandler
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return null;
        }

        string locale = turn.Locale ?? options.Value.DefaultLocale;
        string reply = turn.Text.Length == 0
            ? texts.Get("echo-empty", locale)
            : string.Format(CultureInfo.InvariantCulture, texts.Get("echo", locale), turn.Text);
        await turn.SendAsync(BotActivity.Message(reply), cancellationToken);
        return null;
    }
}
