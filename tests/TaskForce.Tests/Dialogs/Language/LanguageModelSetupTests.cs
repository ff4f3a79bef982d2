using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TaskForce.Core.Blockers;
using TaskForce.Core.Campaigns;
using TaskForce.Core.Storage;
using TaskForce.Core.Tasks;
using TaskForce.Dialogs.Language;
using TaskForce.Dialogs.Recognizers;

namespace TaskForce.Tests.Dialogs.Language;

public sealed class LanguageModelSetupTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddOptions<StorageOptions>();
        services.AddOptions<TrafficLightOptions>();
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<TaskStore>();
        services.AddSingleton<BlockerStore>();
        services.AddSingleton<CampaignStore>();
        services.AddLanguageModel();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddLanguageModel_NoConfiguration_InactiveAndRecognizerFallsBackAtOnce()
    {
        using ServiceProvider provider = Build([]);

        LanguageModelStatus status = provider.GetRequiredService<LanguageModelStatus>();
        ModelOutcome<Recognition> outcome = await provider.GetRequiredService<ModelRecognizer>()
            .RecognizeAsync("码头完成70%", RecognitionContext.Empty(TwoCampaigns.Today), CancellationToken.None);

        Assert.False(status.Active);
        Assert.Null(status.Deployment);
        Assert.Equal(FallbackReason.NotConfigured, outcome.Fallback);
        Assert.NotNull(provider.GetRequiredService<GroundedAnswerer>());
        Assert.NotNull(provider.GetRequiredService<BriefSummarizer>());
    }

    [Fact]
    public void AddLanguageModel_EndpointAndKey_ActiveWithTheDeployment()
    {
        using ServiceProvider provider = Build(new()
        {
            ["AzureOpenAI:Endpoint"] = "https://example.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "gpt-4o-mini",
            ["AzureOpenAI:ApiKey"] = "secret",
            ["AzureOpenAI:Timeout"] = "00:00:05",
        });

        LanguageModelStatus status = provider.GetRequiredService<LanguageModelStatus>();
        LanguageModelClient client = provider.GetRequiredService<LanguageModelClient>();

        Assert.True(status.Active);
        Assert.Equal("gpt-4o-mini", status.Deployment);
        Assert.True(client.IsActive);
        Assert.Equal(TimeSpan.FromSeconds(5), client.Options.Timeout);
    }

    [Fact]
    public void AddLanguageModel_EndpointWithoutKey_UsesEntraIdWithoutFailing()
    {
        using ServiceProvider provider = Build(new()
        {
            ["AzureOpenAI:Endpoint"] = "https://example.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "gpt-4o-mini",
            ["AzureOpenAI:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        Assert.True(provider.GetRequiredService<LanguageModelClient>().IsActive);
    }

    [Theory]
    [InlineData("not a uri", "gpt", "Endpoint")]
    [InlineData("ftp://example.com/", "gpt", "Endpoint")]
    [InlineData("/relative", "gpt", "Endpoint")]
    [InlineData("https://example.openai.azure.com/", "", "Deployment")]
    public void AddLanguageModel_InvalidSettings_FailValidationNamingTheKey(string endpoint, string deployment, string key)
    {
        using ServiceProvider provider = Build(new() { ["AzureOpenAI:Endpoint"] = endpoint, ["AzureOpenAI:Deployment"] = deployment });

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<LanguageModelOptions>>().Value);

        Assert.Contains($"AzureOpenAI:{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_EightSecondsAndBriefSummariesOn()
    {
        var options = new LanguageModelOptions();

        Assert.Equal(TimeSpan.FromSeconds(8), options.Timeout);
        Assert.True(options.SummarizeBriefs);
        Assert.False(options.IsConfigured);
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Theory]
    [InlineData(true, "Language model active: Azure OpenAI deployment gpt-4o-mini")]
    [InlineData(false, "Language model off (AzureOpenAI:Endpoint not set); the rules read every message")]
    public void LogTo_Status_WritesOneStartupLine(bool active, string expected)
    {
        var logger = new ListLogger();

        new LanguageModelStatus(active, "gpt-4o-mini").LogTo(logger);

        Assert.Equal([expected], logger.Lines);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
