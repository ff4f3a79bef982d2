namespace TaskForce.Tests.Manifests;

/// <summary>Folders of the repository the tests run from, found by walking up to <c>Bot.sln</c>.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string TeamsManifest => Path.Combine(Root, "manifests", "teams");

    public static string AzureTemplates => Path.Combine(Root, "manifests", "azure");

    public static string ManifestSchema => Path.Combine(Root, "tests", "manifest-schema");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Bot.sln was not found above {AppContext.BaseDirectory}.");
    }
}
