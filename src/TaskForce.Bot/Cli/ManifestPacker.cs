using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace TaskForce.Bot.Cli;

/// <summary>
/// Builds the Teams app upload package from <c>manifests/teams/</c>: fills the <c>${{BOT_ID}}</c> placeholders with
/// the bot's Entra app (client) id and zips the manifest, its zh-CN localization and the two icons at the root.
/// </summary>
internal static class ManifestPacker
{
    internal const string BotIdPlaceholder = "${{BOT_ID}}";
    internal const string DefaultPackageName = "taskforce-teams-app.zip";

    /// <summary>The files of the package, in zip order; the JSON ones get their placeholders filled.</summary>
    internal static readonly string[] PackageFiles = ["manifest.json", "zh-cn.json", "color.png", "outline.png"];

    private const string PlaceholderStart = "${{";

    // A fixed entry time keeps the package byte-for-byte reproducible for the same app id and sources.
    private static readonly DateTimeOffset s_entryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns the app id in the lower-case hyphenated form the manifest schema demands.</summary>
    /// <exception cref="ArgumentException">The value is not a GUID in the 8-4-4-4-12 form.</exception>
    public static string NormalizeAppId(string? appId)
    {
        if (!Guid.TryParseExact(appId?.Trim(), "D", out Guid id) || id == Guid.Empty)
        {
            throw new ArgumentException(
                $"The app id '{appId}' is not a GUID such as 00000000-0000-0000-0000-000000000000: use the Microsoft App ID "
                + "(Entra application/client id) of the Azure Bot.");
        }

        return id.ToString("D");
    }

    /// <summary>
    /// Finds <c>manifests/teams</c> in <paramref name="startDirectory"/> or the nearest parent that has it,
    /// so the verb works from the repository root and from a project folder alike.
    /// </summary>
    public static string? FindSourceDirectory(string startDirectory)
    {
        for (DirectoryInfo? directory = new(startDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "manifests", "teams");
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Writes the package to <paramref name="outputPath"/> (replacing it) and returns the normalized app id.</summary>
    /// <exception cref="ArgumentException">The app id is not a GUID.</exception>
    /// <exception cref="FileNotFoundException">A package file is missing from <paramref name="sourceDirectory"/>.</exception>
    /// <exception cref="InvalidDataException">A JSON file is malformed or keeps an unknown placeholder.</exception>
    public static string Pack(string? appId, string sourceDirectory, string outputPath)
    {
        string id = NormalizeAppId(appId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);

        // Read and check everything before the output file is touched.
        List<(string Name, byte[] Content)> entries = [];
        foreach (string name in PackageFiles)
        {
            string path = Path.Combine(sourceDirectory, name);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The Teams app package needs '{name}', which is missing from '{sourceDirectory}'.", path);
            }

            byte[] content = name.EndsWith(".json", StringComparison.Ordinal)
                ? FillJson(name, File.ReadAllText(path, Encoding.UTF8), id)
                : File.ReadAllBytes(path);
            entries.Add((name, content));
        }

        string? outputDirectory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (outputDirectory is not null)
        {
            Directory.CreateDirectory(outputDirectory);
        }

        using FileStream file = new(outputPath, FileMode.Create, FileAccess.Write);
        using ZipArchive zip = new(file, ZipArchiveMode.Create);
        foreach ((string name, byte[] content) in entries)
        {
            ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = s_entryTime;
            using Stream stream = entry.Open();
            stream.Write(content);
        }

        return id;
    }

    private static byte[] FillJson(string name, string text, string appId)
    {
        string filled = text.Replace(BotIdPlaceholder, appId, StringComparison.Ordinal);
        int unknown = filled.IndexOf(PlaceholderStart, StringComparison.Ordinal);
        if (unknown >= 0)
        {
            int end = filled.IndexOf("}}", unknown, StringComparison.Ordinal);
            string placeholder = end < 0 ? filled[unknown..] : filled[unknown..(end + 2)];
            throw new InvalidDataException($"'{name}' has the placeholder {placeholder}, which manifest pack does not fill.");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(filled);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"'{name}' is not valid JSON: {exception.Message}", exception);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(filled);
    }
}
