using System.Text.RegularExpressions;
using TaskForce.Dialogs.Texts;
using TaskForce.Tests.Architecture;

namespace TaskForce.Tests.Dialogs.Texts;

public sealed partial class TextCatalogTests
{
    private static string DialogsDirectory => Path.Combine(DependencyRulesTests.RepoRoot(), "dialogs");

    [Fact]
    public void LoadDirectory_RepositoryTexts_EveryKeyHasBothLanguages()
    {
        TextCatalog catalog = TextCatalog.LoadDirectory(DialogsDirectory);

        Assert.NotEmpty(catalog.Keys);
    }

    [Fact]
    public void SourceCode_EveryTextKeyUsed_ExistsInDialogs()
    {
        TextCatalog catalog = TextCatalog.LoadDirectory(DialogsDirectory);
        string src = Path.Combine(DependencyRulesTests.RepoRoot(), "src");

        TextKey[] used = [.. Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .SelectMany(path => KeysUsedIn(File.ReadAllText(path)))
            .Distinct()];

        Assert.Empty(used.Where(key => !catalog.Contains(key)).Select(key => key.ToString()));
        Assert.Contains(new TextKey("report-progress", "ask-progress"), used); // through the Key("…") helper
        Assert.Contains(new TextKey("blockers", "not-confirmed-yet"), used); // through the Texts constant
    }

    [Fact]
    public void LoadDirectory_KeyWithoutEnglish_FailsNamingTheKey()
    {
        string dir = Directory.CreateTempSubdirectory("tf-texts-").FullName;
        File.WriteAllText(Path.Combine(dir, "x.yaml"), "greeting:\n  zh-CN: 你好\n");

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => TextCatalog.LoadDirectory(dir));

        Assert.Contains("greeting", error.Message, StringComparison.Ordinal);
        Assert.Contains("en-US", error.Message, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Get_EnglishLocaleWithArgs_FillsPlaceholders()
    {
        string dir = Directory.CreateTempSubdirectory("tf-texts-").FullName;
        File.WriteAllText(Path.Combine(dir, "x.yaml"), "saved:\n  zh-CN: 已保存 {percent}%\n  en-US: Saved {percent}%\n");
        TextCatalog catalog = TextCatalog.LoadDirectory(dir);

        string text = catalog.Get(new TextKey("x", "saved"), "en-GB", ("percent", 70));

        Assert.Equal("Saved 70%", text);
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>Literal keys, and keys written through a file's own constant (DialogName, Texts) or its Key("…") helper.</summary>
    private static IEnumerable<TextKey> KeysUsedIn(string code)
    {
        foreach (Match m in TextKeyUse().Matches(code))
        {
            yield return new TextKey(m.Groups[1].Value, m.Groups[2].Value);
        }

        Dictionary<string, string> constants = ConstantUse().Matches(code).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        foreach (Match m in ConstantKeyUse().Matches(code))
        {
            if (constants.TryGetValue(m.Groups[1].Value, out string? file))
            {
                yield return new TextKey(file, m.Groups[2].Value);
            }
        }

        string? own = constants.GetValueOrDefault("DialogName") ?? constants.GetValueOrDefault("Texts");
        if (own is not null && code.Contains("private static TextKey Key(string name) => new(DialogName", StringComparison.Ordinal)
            || own is not null && code.Contains("private static TextKey Key(string name) => new(Texts", StringComparison.Ordinal))
        {
            foreach (Match m in HelperKeyUse().Matches(code))
            {
                yield return new TextKey(own!, m.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex("""TextKey\("([a-z0-9-]+)", "([a-z0-9-]+)"\)""")]
    private static partial Regex TextKeyUse();

    [GeneratedRegex("""const string (DialogName|Texts) = "([a-z0-9-]+)";""")]
    private static partial Regex ConstantUse();

    [GeneratedRegex("""TextKey\((DialogName|Texts), "([a-z0-9-]+)"\)""")]
    private static partial Regex ConstantKeyUse();

    [GeneratedRegex("""\bKey\("([a-z0-9-]+)"\)""")]
    private static partial Regex HelperKeyUse();
}
