using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskForce.Bot.Cli;

namespace TaskForce.Tests.Manifests;

/// <summary>The packed manifest against the official Teams JSON schemas (npm <c>@microsoft/app-manifest</c>).</summary>
public sealed class ManifestSchemaTests : IDisposable
{
    private const string AppId = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private static readonly string[] s_commands = ["report", "deadlines", "status", "escalate", "help"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PackedManifest_AgainstOfficialSchema_IsValid()
    {
        string manifest = PackAndExtract("manifest.json");

        ToolResult result = await ManifestSchema.ValidateAsync(ManifestSchemaPath(manifest), manifest);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task PackedLocalization_AgainstOfficialLocalizationSchema_IsValid()
    {
        string manifest = PackAndExtract("manifest.json");
        string localization = PackAndExtract("zh-cn.json");

        ToolResult result = await ManifestSchema.ValidateAsync(LocalizationSchemaPath(manifest), localization);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Manifest_WithoutName_FailsValidation()
    {
        string manifest = PackAndExtract("manifest.json");
        string broken = Rewrite(manifest, root => root.AsObject().Remove("name"));

        ToolResult result = await ManifestSchema.ValidateAsync(ManifestSchemaPath(manifest), broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("must have required property 'name'", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_WithBotIdThatIsNoGuid_FailsValidation()
    {
        string manifest = PackAndExtract("manifest.json");
        string broken = Rewrite(manifest, root => root["bots"]![0]!["botId"] = "taskforce-bot");

        ToolResult result = await ManifestSchema.ValidateAsync(ManifestSchemaPath(manifest), broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/bots/0/botId must match pattern", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Localization_WithoutFullDescription_FailsValidation()
    {
        string manifest = PackAndExtract("manifest.json");
        string broken = Rewrite(PackAndExtract("zh-cn.json"), root => root.AsObject().Remove("description.full"));

        ToolResult result = await ManifestSchema.ValidateAsync(LocalizationSchemaPath(manifest), broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("description.full", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManifestVersion_IsTheNewestNumberedVersionTheSchemaPackageBundles()
    {
        await ManifestSchema.EnsureInstalledAsync();
        Version newest = Directory.GetDirectories(Path.Combine(ManifestSchema.SchemaRoot, "teams"))
            .Select(Path.GetFileName)
            .Select(name => Version.TryParse(name![1..], out Version? version) ? version : null)
            .OfType<Version>()
            .Max()!;

        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.TeamsManifest, "manifest.json")));

        Assert.Equal(newest.ToString(), manifest.RootElement.GetProperty("manifestVersion").GetString());
        Assert.Contains($"/v{newest}/", manifest.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_EveryScope_ListsTheFiveCommandsWithAChineseTitleEach()
    {
        JsonNode manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.TeamsManifest, "manifest.json")))!;
        JsonNode localization = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.TeamsManifest, "zh-cn.json")))!;
        JsonNode bot = manifest["bots"]![0]!;
        JsonArray lists = bot["commandLists"]!.AsArray();

        string[] scopes = [.. bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>())];
        Assert.Equal(["personal", "team", "groupChat"], scopes);
        Assert.Equal(scopes, lists.SelectMany(l => l!["scopes"]!.AsArray().Select(s => s!.GetValue<string>())));
        for (int list = 0; list < lists.Count; list++)
        {
            string[] titles = [.. lists[list]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>())];
            Assert.Equal(s_commands, titles);
            for (int command = 0; command < titles.Length; command++)
            {
                string? chinese = localization[$"bots[0].commandLists[{list}].commands[{command}].title"]?.GetValue<string>();
                Assert.False(string.IsNullOrWhiteSpace(chinese), $"no zh-cn title for list {list} command {command}");
                Assert.Contains(chinese!, c => c is >= '\u4e00' and <= '\u9fff');
            }
        }
    }

    private string PackAndExtract(string entryName)
    {
        string package = _temp.File("app.zip");
        if (!File.Exists(package))
        {
            ManifestPacker.Pack(AppId, RepositoryPaths.TeamsManifest, package);
        }

        string target = _temp.File(entryName);
        using ZipArchive zip = ZipFile.OpenRead(package);
        zip.GetEntry(entryName)!.ExtractToFile(target, overwrite: true);
        return target;
    }

    private string Rewrite(string path, Action<JsonNode> change)
    {
        JsonNode root = JsonNode.Parse(File.ReadAllText(path))!;
        change(root);
        string target = _temp.File($"broken-{Path.GetFileName(path)}");
        File.WriteAllText(target, root.ToJsonString());
        return target;
    }

    private static string ManifestSchemaPath(string manifestPath) => $"teams/v{ManifestVersion(manifestPath)}/MicrosoftTeams.schema.json";

    private static string LocalizationSchemaPath(string manifestPath) => $"teams/v{ManifestVersion(manifestPath)}/MicrosoftTeams.Localization.schema.json";

    private static string ManifestVersion(string manifestPath)
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        return manifest.RootElement.GetProperty("manifestVersion").GetString()!;
    }
}
