using System.Globalization;
using System.Text.Json;

namespace TaskForce.Dialogs.Language;

/// <summary>
/// Reads the arguments of one tool call as the model sent them (JSON values, or plain values in tests), collecting
/// what is wrong instead of throwing: the model gets the problems back and may try again.
/// </summary>
internal sealed class ToolArguments(IDictionary<string, object?>? values)
{
    public const int MaxRows = 50;
    private const int DefaultRows = 20;

    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public long? Long(string name)
    {
        object? value = Raw(name);
        switch (value)
        {
            case null:
                return null;
            case JsonElement { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out long parsed):
                return parsed;
            case JsonElement { ValueKind: JsonValueKind.String } text when long.TryParse(text.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed):
                return parsed;
            case long or int or short:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed):
                return parsed;
            default:
                _errors.Add($"{name} must be an integer");
                return null;
        }
    }

    public bool Bool(string name)
    {
        object? value = Raw(name);
        switch (value)
        {
            case null:
                return false;
            case JsonElement { ValueKind: JsonValueKind.True }:
                return true;
            case JsonElement { ValueKind: JsonValueKind.False }:
                return false;
            case bool flag:
                return flag;
            default:
                _errors.Add($"{name} must be true or false");
                return false;
        }
    }

    public string? String(string name) => Raw(name) switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString(),
        string text => text,
        _ => Invalid<string>($"{name} must be a string"),
    };

    public DateOnly? Date(string name)
    {
        string? text = String(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        _errors.Add($"{name} must be a date written yyyy-MM-dd");
        return null;
    }

    public long? InRange(string name, long min, long max)
    {
        long? value = Long(name);
        if (value is { } v && (v < min || v > max))
        {
            _errors.Add($"{name} must be between {min} and {max}");
            return null;
        }

        return value;
    }

    public int Limit() => (int)(InRange("limit", 1, MaxRows) ?? DefaultRows);

    public void Fail(string error) => _errors.Add(error);

    private object? Raw(string name) =>
        values is not null && values.TryGetValue(name, out object? value) && value is not JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }
            ? value
            : null;

    private T? Invalid<T>(string error)
        where T : class
    {
        _errors.Add(error);
        return null;
    }
}
