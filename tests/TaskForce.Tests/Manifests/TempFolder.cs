namespace TaskForce.Tests.Manifests;

/// <summary>A private folder per test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tf-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies <c>manifests/teams</c> here so a test can change a file without touching the repository.</summary>
    public string CopyTeamsManifest()
    {
        string target = System.IO.Path.Combine(Path, "teams");
        Directory.CreateDirectory(target);
        foreach (string file in Directory.GetFiles(RepositoryPaths.TeamsManifest))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
