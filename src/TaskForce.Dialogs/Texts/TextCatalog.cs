using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TaskForce.Dialogs.Texts;

/// <summary>
/// Every sentence the bot says, loaded from <c>dialogs/*.yaml</c> (one file per dialog; each key has a
/// zh-CN and an en-US text). Loading fails when a key lacks a language, so a missing translation stops the
/// bot at startup instead of showing a blank to a user. Placeholders are written <c>{name}</c>.
/// </summary>
public sealed class TextCatalog
{
    /// <summary>Files in dialogs/ that hold data for the recognizer, not sentences.</summary>
    private static readonly HashSet<string> s_dataFiles = new(StringComparer.Ordinal) { "intents" };

    private readonly Dictionary<TextKey, Dictionary<string, string>> _texts;

    private TextCatalog(Dictionary<TextKey, Dictionary<string, string>> texts) => _texts = texts;

    public IEnumerable<TextKey> Keys => _texts.Keys;

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "dialogs");

    public static TextCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"The texts folder '{directory}' does not exist.");
        }

        Dictionary<TextKey, Dictionary<string, string>> texts = [];
        List<string> problems = [];
        IDeserializer deserializer = new DeserializerBuilder().Build();
        foreach (string path in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            string file = Path.GetFileNameWithoutExtension(path);
            if (s_dataFiles.Contains(file))
            {
                continue;
            }

            Dictionary<string, Dictionary<string, string>>? entries;
            try
            {
                entries = deserializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(path, Encoding.UTF8));
            }
            catch (YamlException ex)
            {
                problems.Add($"{path}:{ex.Start.Line}: {ex.Message}");
                continue;
            }

            foreach ((string name, Dictionary<string, string> byLocale) in entries ?? [])
            {
                problems.AddRange(Locales.Supported
                    .Where(locale => !byLocale.TryGetValue(locale, out string? text) || string.IsNullOrWhiteSpace(text))
                    .Select(locale => $"{path}: key '{name}' has no {locale} text"));
                texts[new TextKey(file, name)] = byLocale;
            }
        }

        return problems.Count == 0
            ? new TextCatalog(texts)
            : throw new InvalidOperationException("Invalid texts in dialogs/:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    public bool Contains(TextKey key) => _texts.ContainsKey(key);

    /// <summary>The text of <paramref name="key"/> in <paramref name="locale"/> with <c>{name}</c> placeholders filled.</summary>
    public string Get(TextKey key, string locale, params (string Name, object? Value)[] args)
    {
        if (!_texts.TryGetValue(key, out Dictionary<string, string>? byLocale))
        {
            throw new KeyNotFoundException($"No text '{key}' in dialogs/.");
        }

        string text = byLocale[Locales.Resolve(locale)];
        if (args.Length == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        foreach ((string name, object? value) in args)
        {
            builder.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
