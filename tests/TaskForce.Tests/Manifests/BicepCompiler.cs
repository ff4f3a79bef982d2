using System.Reflection;

namespace TaskForce.Tests.Manifests;

/// <summary>
/// The Bicep CLI from the <c>Azure.Bicep.CommandLine.linux-x64</c> package that the test project restores with
/// <c>PackageDownload</c>; its folder reaches the tests as assembly metadata written by the build.
/// </summary>
internal static class BicepCompiler
{
    private static readonly Lazy<string> s_path = new(Locate);

    public static string PathToBicep => s_path.Value;

    public static Task<ToolResult> BuildAsync(string template) =>
        ToolProcess.RunAsync(PathToBicep, Path.GetDirectoryName(template)!, "build", template, "--stdout");

    public static Task<ToolResult> LintAsync(string template) =>
        ToolProcess.RunAsync(PathToBicep, Path.GetDirectoryName(template)!, "lint", template);

    /// <summary>Clean means exit code 0 and nothing on stderr, where Bicep reports every error and warning.</summary>
    public static bool IsClean(ToolResult result) => result.ExitCode == 0 && string.IsNullOrWhiteSpace(result.StandardError);

    private static string Locate()
    {
        Assembly tests = typeof(BicepCompiler).Assembly;
        string Metadata(string key) => tests.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"assembly metadata {key} is empty");

        string path = Path.Combine(
            Metadata("NuGetPackageRoot"), "azure.bicep.commandline.linux-x64", Metadata("BicepCliVersion"), "tools", "bicep");
        Assert.True(File.Exists(path), $"the Bicep CLI was not restored to {path}");

        // NuGet extracts the file with whatever mode the package recorded; make sure it can run.
        if (!OperatingSystem.IsWindows())
        {
            UnixFileMode mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }
        }

        return path;
    }
}
