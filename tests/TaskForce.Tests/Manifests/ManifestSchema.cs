namespace TaskForce.Tests.Manifests;

/// <summary>
/// Validates JSON files against the schemas bundled in the official <c>@microsoft/app-manifest</c> npm package,
/// installed from <c>tests/manifest-schema/package-lock.json</c> (by <c>.ci/run</c>, or here on first use).
/// </summary>
internal static class ManifestSchema
{
    private static readonly SemaphoreSlim s_installLock = new(1, 1);

    public static string SchemaRoot => Path.Combine(
        RepositoryPaths.ManifestSchema, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas");

    /// <summary>Runs <c>npm ci</c> once if the package is missing.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await s_installLock.WaitAsync();
        try
        {
            if (Directory.Exists(SchemaRoot))
            {
                return;
            }

            ToolResult install = await ToolProcess.RunAsync("npm", RepositoryPaths.ManifestSchema, "ci", "--no-audit", "--no-fund");
            Assert.True(install.ExitCode == 0, $"npm ci in tests/manifest-schema failed: {install}");
            Assert.True(Directory.Exists(SchemaRoot), $"npm ci did not install {SchemaRoot}");
        }
        finally
        {
            s_installLock.Release();
        }
    }

    /// <summary>Validates <paramref name="documentPath"/>; <paramref name="schema"/> is relative to json-schemas/, e.g. teams/v1.30/MicrosoftTeams.schema.json.</summary>
    public static async Task<ToolResult> ValidateAsync(string schema, string documentPath)
    {
        await EnsureInstalledAsync();
        return await ToolProcess.RunAsync("node", RepositoryPaths.ManifestSchema, "validate.js", schema, documentPath);
    }
}
