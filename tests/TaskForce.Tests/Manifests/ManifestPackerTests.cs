using System.IO.Compression;
using System.Text.Json;
using TaskForce.Bot.Cli;

namespace TaskForce.Tests.Manifests;

public sealed class ManifestPackerTests : IDisposable
{
    private const string AppId = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Pack_ValidAppId_WritesExactlyTheFourFilesAtTheRoot()
    {
        string package = _temp.File("app.zip");

        ManifestPacker.Pack(AppId, RepositoryPaths.TeamsManifest, package);

        using ZipArchive zip = ZipFile.OpenRead(package);
        string[] names = [.. zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal)];
        Assert.Equal(["color.png", "manifest.json", "outline.png", "zh-cn.json"], names);
    }

    [Fact]
    public void Pack_ValidAppId_FillsAppIdAndBotIdAndLeavesNoPlaceholder()
    {
        string package = _temp.File("app.zip");

        ManifestPacker.Pack(AppId, RepositoryPaths.TeamsManifest, package);

        using ZipArchive zip = ZipFile.OpenRead(package);
        string manifest = ReadEntry(zip, "manifest.json");
        using JsonDocument document = JsonDocument.Parse(manifest);
        Assert.Equal(AppId, document.RootElement.GetProperty("id").GetString());
        Assert.Equal(AppId, document.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.DoesNotContain("${{", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("${{", ReadEntry(zip, "zh-cn.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_UpperCaseAppId_WritesTheLowerCaseForm()
    {
        string package = _temp.File("app.zip");

        string written = ManifestPacker.Pack(AppId.ToUpperInvariant(), RepositoryPaths.TeamsManifest, package);

        Assert.Equal(AppId, written);
        using ZipArchive zip = ZipFile.OpenRead(package);
        Assert.Contains($"\"id\": \"{AppId}\"", ReadEntry(zip, "manifest.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_SameInput_IsByteForByteReproducible()
    {
        ManifestPacker.Pack(AppId, RepositoryPaths.TeamsManifest, _temp.File("first.zip"));
        ManifestPacker.Pack(AppId, RepositoryPaths.TeamsManifest, _temp.File("second.zip"));

        Assert.Equal(File.ReadAllBytes(_temp.File("first.zip")), File.ReadAllBytes(_temp.File("second.zip")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("3f2b1c4d5e6f4a7b8c9d0e1f2a3b4c5d")]
    [InlineData("{3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d}")]
    [InlineData("3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void Pack_BadAppId_ThrowsArgumentExceptionAndWritesNothing(string appId)
    {
        string package = _temp.File("app.zip");

        ArgumentException error = Assert.Throws<ArgumentException>(() => ManifestPacker.Pack(appId, RepositoryPaths.TeamsManifest, package));

        Assert.Contains("is not a GUID", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(package));
    }

    [Fact]
    public void Pack_MissingOutlineIcon_ThrowsFileNotFoundNamingIt()
    {
        string source = _temp.CopyTeamsManifest();
        File.Delete(Path.Combine(source, "outline.png"));

        FileNotFoundException error = Assert.Throws<FileNotFoundException>(() => ManifestPacker.Pack(AppId, source, _temp.File("app.zip")));

        Assert.Contains("outline.png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_UnknownPlaceholder_ThrowsInvalidDataNamingIt()
    {
        string source = _temp.CopyTeamsManifest();
        string manifestPath = Path.Combine(source, "manifest.json");
        File.WriteAllText(manifestPath, File.ReadAllText(manifestPath).Replace("1.0.0", "${{APP_VERSION}}", StringComparison.Ordinal));

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => ManifestPacker.Pack(AppId, source, _temp.File("app.zip")));

        Assert.Contains("${{APP_VERSION}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_MalformedJson_ThrowsInvalidData()
    {
        string source = _temp.CopyTeamsManifest();
        File.AppendAllText(Path.Combine(source, "zh-cn.json"), "}");

        Assert.Throws<InvalidDataException>(() => ManifestPacker.Pack(AppId, source, _temp.File("app.zip")));
    }

    [Fact]
    public void FindSourceDirectory_FromAFolderBelowTheRepository_FindsManifestsTeams()
    {
        string start = Path.Combine(RepositoryPaths.Root, "src", "TaskForce.Bot");

        string? found = ManifestPacker.FindSourceDirectory(start);

        Assert.Equal(RepositoryPaths.TeamsManifest, found);
    }

    [Fact]
    public void FindSourceDirectory_OutsideAnyRepository_ReturnsNull()
    {
        Assert.Null(ManifestPacker.FindSourceDirectory(_temp.Path));
    }

    internal static string ReadEntry(ZipArchive zip, string name)
    {
        using StreamReader reader = new(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
