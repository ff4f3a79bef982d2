using YamlDotNet.RepresentationModel;

namespace TaskForce.Tests.Manifests;

/// <summary>
/// The Agents Playground user files the README tells people to start from: the Playground 0.2.28 exits with code 1
/// and no message when its config fails its schema, so the rules it enforces are checked here.
/// </summary>
public sealed class PlaygroundConfigTests
{
    public static TheoryData<string> Files => new()
    {
        ".m365agentsplayground.yml",
        "playground/commander/.m365agentsplayground.yml",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Config_Users_ListsAtLeastFivePeopleWithDistinctIds(string file)
    {
        YamlMappingNode config = Load(file);

        var users = (YamlSequenceNode)config.Children[new YamlScalarNode("users")];
        string[] ids = [.. users.Children.Cast<YamlMappingNode>().Select(user => Scalar(user, "id"))];

        Assert.True(ids.Length >= 5, $"{file} lists {ids.Length} users; the Playground needs at least 5.");
        string currentUser = Scalar((YamlMappingNode)config.Children[new YamlScalarNode("currentUser")], "id");
        Assert.Equal(ids.Length + 1, ids.Append(currentUser).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Config_CurrentUser_IsLinkedInTheDemoRoster(string file)
    {
        YamlMappingNode config = Load(file);
        string roster = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "demo-roster.yaml"));

        string objectId = Scalar((YamlMappingNode)config.Children[new YamlScalarNode("currentUser")], "aadObjectId");

        Assert.Contains($"aadObjectId: {objectId}", roster, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Config_RequiredSections_ArePresent(string file)
    {
        YamlMappingNode config = Load(file);

        foreach (string section in new[] { "version", "tenantId", "bot", "currentUser", "users" })
        {
            Assert.True(config.Children.ContainsKey(new YamlScalarNode(section)), $"{file} has no '{section}'.");
        }
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
