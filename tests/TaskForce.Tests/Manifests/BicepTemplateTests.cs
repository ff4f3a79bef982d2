using System.Text.Json;

namespace TaskForce.Tests.Manifests;

/// <summary><c>manifests/azure/main.bicep</c> compiled and linted by the real Bicep CLI.</summary>
public sealed class BicepTemplateTests : IDisposable
{
    private static readonly string s_template = Path.Combine(RepositoryPaths.AzureTemplates, "main.bicep");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Build_MainTemplate_HasNoErrorOrWarning()
    {
        ToolResult result = await BicepCompiler.BuildAsync(s_template);

        Assert.True(BicepCompiler.IsClean(result), result.ToString());
        Assert.StartsWith("{", result.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MainTemplate_HasNoFinding()
    {
        ToolResult result = await BicepCompiler.LintAsync(s_template);

        Assert.True(BicepCompiler.IsClean(result), result.ToString());
    }

    [Fact]
    public async Task Build_TemplateWithATypeError_IsNotClean()
    {
        string broken = _temp.File("broken.bicep");
        File.WriteAllText(broken, "param sku string = 42\noutput sku string = sku\n");

        ToolResult result = await BicepCompiler.BuildAsync(broken);

        Assert.False(BicepCompiler.IsClean(result));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_TemplateWithOnlyAWarning_IsNotClean()
    {
        string warned = _temp.File("warned.bicep");
        File.WriteAllText(warned, "param unused string\noutput answer int = 42\n");

        ToolResult result = await BicepCompiler.BuildAsync(warned);

        Assert.False(BicepCompiler.IsClean(result));
        Assert.Contains("no-unused-params", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_MainTemplate_RegistersASingleTenantBotWithTeamsWebChatAndDirectLine()
    {
        using JsonDocument arm = await CompileAsync();
        JsonElement root = arm.RootElement;

        Assert.Equal("SingleTenant", root.GetProperty("parameters").GetProperty("appType").GetProperty("defaultValue").GetString());
        JsonElement[] resources = [.. root.GetProperty("resources").EnumerateArray()];
        JsonElement bot = resources.Single(r => r.GetProperty("type").GetString() == "Microsoft.BotService/botServices");
        Assert.Equal("[tenant().tenantId]", bot.GetProperty("properties").GetProperty("msaAppTenantId").GetString());
        Assert.Equal("[parameters('messagingEndpoint')]", bot.GetProperty("properties").GetProperty("endpoint").GetString());
        string[] channels = [.. resources
            .Where(r => r.GetProperty("type").GetString() == "Microsoft.BotService/botServices/channels")
            .Select(r => r.GetProperty("properties").GetProperty("channelName").GetString()!)
            .Order(StringComparer.Ordinal)];
        Assert.Equal(["DirectLineChannel", "MsTeamsChannel", "WebChatChannel"], channels);
        Assert.Contains(resources, r => r.GetProperty("type").GetString() == "Microsoft.ManagedIdentity/userAssignedIdentities");
    }

    [Fact]
    public async Task ParametersExample_AgainstCompiledTemplate_NamesOnlyKnownParametersAndEveryRequiredOne()
    {
        using JsonDocument arm = await CompileAsync();
        using JsonDocument example = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.AzureTemplates, "main.parameters.example.json")));
        Dictionary<string, JsonElement> declared = arm.RootElement.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        string[] given = [.. example.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name)];

        Assert.All(given, name => Assert.True(declared.ContainsKey(name), $"the example sets unknown parameter {name}"));
        Assert.All(
            declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)).Select(p => p.Key),
            name => Assert.Contains(name, given));
    }

    private static async Task<JsonDocument> CompileAsync()
    {
        ToolResult result = await BicepCompiler.BuildAsync(s_template);
        Assert.True(BicepCompiler.IsClean(result), result.ToString());
        return JsonDocument.Parse(result.StandardOutput);
    }
}
