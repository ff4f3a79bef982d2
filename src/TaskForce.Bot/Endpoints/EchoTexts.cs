namespace TaskForce.Bot.Endpoints;

/// <summary>
/// The echo handler's texts from <c>dialogs/echo.yaml</c> (key → zh-CN/en-US). A deliberately tiny reader for the
/// flat <c>key: / locale: text</c> shape, until the dialogs' texts loader replaces it.
/// </summary>
internal sealed class EchoTexts
{
    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    public EchoTexts(string path)
    {
        _texts = Parse(File.ReadAllLines(path));
    }

    public static EchoTexts Load() => new(Path.Combine(AppContext.BaseDirectory, "dialogs", "echo.yaml"));

    public string Get(string key, string locale)
    {
        Dictionary<string, string> byLocale = _texts.TryGetValue(key, out Dictionary<string, string>? found)
            ? found
            : throw new KeyNotFoundException($"dialogs/echo.yaml has no key '{key}'.");
        string language = locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "zh-CN";
        return byLocale[language];
    }

    private static Dictionary<string, Dictionary<string, string>> Parse(string[] lines)
    {
        Dictionary<string, Dictionary<string, string>> texts = new(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (string line in lines)
        {
            if (line.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string name = line[..colon].Trim();
            string value = Unquote(line[(colon + 1)..].Trim());
            if (!char.IsWhiteSpace(line[0]))
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                texts[name] = current;
            }
            else
            {
                current![name] = value;
            }
        }

        return texts;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
