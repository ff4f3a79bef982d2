using System.Reflection;

namespace TaskForce.Tests.Architecture;

public sealed class DependencyRulesTests
{
    private static string[] ReferencesOf(Type type) =>
        [.. type.Assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void Core_References_NeitherActivitiesDialogsBotNorAspNetCore()
    {
        string[] refs = ReferencesOf(typeof(TaskForce.Core.Storage.Migrator));

        Assert.DoesNotContain(refs, n => n.StartsWith("TaskForce.", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Activities_References_NoOtherProjectOfOurs()
    {
        Assembly activities = Assembly.Load("TaskForce.Activities");

        string[] refs = [.. activities.GetReferencedAssemblies().Select(a => a.Name!)];

        Assert.DoesNotContain(refs, n => n.StartsWith("TaskForce.", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, n => n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Dialogs_References_OnlyCoreAndActivities()
    {
        Assembly dialogs = Assembly.Load("TaskForce.Dialogs");

        string[] ours = [.. dialogs.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("TaskForce.", StringComparison.Ordinal))];

        Assert.All(ours, n => Assert.Contains(n, new[] { "TaskForce.Core", "TaskForce.Activities" }));
        Assert.DoesNotContain(dialogs.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void ProjectFiles_OnlyBotAndTestsReferenceBot()
    {
        string root = RepoRoot();

        string[] offenders = [.. Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith("TaskForce.Bot.csproj", StringComparison.Ordinal))
            .Where(p => File.ReadAllText(p).Contains("TaskForce.Bot.csproj", StringComparison.Ordinal))];

        Assert.Empty(offenders);
    }

    internal static string RepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Bot.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Bot.sln not found above the test output folder.");
    }
}
