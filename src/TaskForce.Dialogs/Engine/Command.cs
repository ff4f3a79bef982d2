using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Engine;

/// <summary>
/// A button press: Adaptive Card submit data (<c>{"action":"ack","id":12}</c> in the activity's value) or the
/// same as text (<c>ack:12</c>) from suggested actions and channels without cards.
/// </summary>
internal sealed partial record Command(string Action, long? Id, long? Extra)
{
    public const string Confirm = "confirm";
    public const string Cancel = "cancel";
    public const string Report = "report";
    public const string Acknowledge = "ack";
    public const string Resolve = "resolve";
    public const string Consult = "consult";
    public const string ConsultReply = "consult-reply";
    public const string ConfirmResolved = "confirm-resolved";
    public const string Close = "close";
    public const string Page = "page";

    private static readonly HashSet<string> s_actions = new(StringComparer.Ordinal)
    {
        Confirm, Cancel, Report, Acknowledge, Resolve, Consult, ConsultReply, ConfirmResolved, Close, Page,
    };

    public static Command? Parse(string text, JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("action", out JsonElement action) && action.ValueKind == JsonValueKind.String
            && s_actions.Contains(action.GetString()!))
        {
            return new Command(action.GetString()!, Number(data, "id"), Number(data, "extra"));
        }

        Match match = TextCommand().Match(text.Trim());
        string name = match.Groups[1].Value switch
        {
            // The escalation messages' buttons name the blocker in the action.
            "blocker-ack" => Acknowledge,
            "blocker-resolve" => Resolve,
            var other => other,
        };
        return match.Success && s_actions.Contains(name)
            ? new Command(name, long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), null)
            : null;
    }

    private static long? Number(JsonElement data, string name) =>
        data.TryGetProperty(name, out JsonElement element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long number)
            ? number
            : null;

    [GeneratedRegex("^([a-z-]{2,20}):([0-9]{1,15})$", RegexOptions.CultureInvariant)]
    private static partial Regex TextCommand();
}
