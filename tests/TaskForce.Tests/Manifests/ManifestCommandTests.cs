using System.CommandLine;
using System.IO.Compression;
using TaskForce.Bot.Cli;

namespace TaskForce.Tests.Manifests;

public sealed class ManifestCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Invoke_ValidAppId_WritesThePackageAndSaysWhere()
    {
        string package = _temp.File("out/app.zip");

        int exitCode = Invoke("manifest", "pack", "--app-id", "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "--out", package, "--source", RepositoryPaths.TeamsManifest);

        Assert.Equal(0, exitCode);
        Assert.Equal("", _error.ToString());
        Assert.Contains(package, _output.ToString(), StringComparison.Ordinal);
        using ZipArchive zip = ZipFile.OpenRead(package);
        Assert.Equal(4, zip.Entries.Count);
    }

    [Fact]
    public void Invoke_BadAppId_ReturnsOneWithTheReasonAndWritesNothing()
    {
        string package = _temp.File("app.zip");

        int exitCode = Invoke("manifest", "pack", "--app-id", "my-bot", "--out", package, "--source", RepositoryPaths.TeamsManifest);

        Assert.Equal(1, exitCode);
        Assert.Contains("'my-bot' is not a GUID", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(package));
    }

    [Fact]
    public void Invoke_WithoutAppId_FailsToParse()
    {
        int exitCode = Invoke("manifest", "pack", "--out", _temp.File("app.zip"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--app-id", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("app.zip")));
    }

    [Fact]
    public void Invoke_SourceWithoutManifest_ReturnsOne()
    {
        int exitCode = Invoke("manifest", "pack", "--app-id", "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "--out", _temp.File("app.zip"), "--source", _temp.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("manifest.json", _error.ToString(), StringComparison.Ordinal);
    }

    private int Invoke(params string[] args)
    {
        RootCommand root = new("test root") { ManifestCommand.Create() };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = _output, Error = _error });
    }
}
