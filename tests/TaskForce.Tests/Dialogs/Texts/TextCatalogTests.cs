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

        string[] missing = [.. Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .SelectMany(path => TextKeyUse().Matches(File.ReadAllText(path)).Select(m => new TextKey(m.Groups[1].Value, m.Groups[2].Value)))
            .Where(key => !catalog.Contains(key))
            .Select(key => key.ToString())
            .Distinct()];

        Assert.Empty(missing);
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

    [GeneratedRegex("""TextKey\("([a-z0-9-]+)", "([a-z0-9-]+)"\)""")]
    private static partial Regex TextKeyUse();
}
