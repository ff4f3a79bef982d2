using System.CommandLine;

namespace TaskForce.Bot.Cli;

/// <summary><c>manifest pack --app-id &lt;guid&gt; [--out file.zip] [--source dir]</c>: writes the Teams app package.</summary>
internal static class ManifestCommand
{
    internal static Command Create()
    {
        Option<string> appId = new("--app-id")
        {
            Description = "The bot's Microsoft App ID (Entra application/client id), a GUID.",
            Required = true,
        };
        Option<FileInfo> output = new("--out")
        {
            Description = "Where to write the package.",
            DefaultValueFactory = _ => new FileInfo(ManifestPacker.DefaultPackageName),
        };
        Option<DirectoryInfo?> source = new("--source")
        {
            Description = "The folder with manifest.json, zh-cn.json and the icons (default: manifests/teams in the current directory or a parent).",
        };

        Command pack = new("pack", "Fill the Teams app manifest with the app id and write the zip to upload to Teams.")
        {
            appId,
            output,
            source,
        };
        pack.SetAction(parseResult => Pack(
            parseResult,
            parseResult.GetValue(appId),
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(source)));

        return new Command("manifest", "Teams app package for the bot.") { pack };
    }

    private static int Pack(ParseResult parseResult, string? appId, FileInfo output, DirectoryInfo? source)
    {
        TextWriter stdout = parseResult.InvocationConfiguration.Output;
        TextWriter stderr = parseResult.InvocationConfiguration.Error;

        string? sourceDirectory = source?.FullName ?? ManifestPacker.FindSourceDirectory(Environment.CurrentDirectory);
        if (sourceDirectory is null)
        {
            stderr.WriteLine("manifests/teams was not found in the current directory or its parents; pass --source <folder>.");
            return 1;
        }

        try
        {
            string id = ManifestPacker.Pack(appId, sourceDirectory, output.FullName);
            stdout.WriteLine($"Wrote {output.FullName} for app id {id} from {sourceDirectory}.");
            return 0;
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine(exception.Message);
            return 1;
        }
    }
}
