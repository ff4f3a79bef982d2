using TaskForce.Core;
using TaskForce.Core.Storage;

namespace TaskForce.Bot.Cli;

/// <summary>
/// The small service provider the admin verbs run on: appsettings.json next to the app, then environment variables
/// (e.g. Storage__ConnectionString), then explicit overrides. Built on first use, with the database migrated.
/// </summary>
internal sealed class CliServices(IReadOnlyDictionary<string, string?>? overrides = null) : IAsyncDisposable
{
    private ServiceProvider? _provider;

    public async Task<IServiceProvider> GetAsync(CancellationToken cancellationToken)
    {
        if (_provider is null)
        {
            IConfiguration configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
                .Build();
            var services = new ServiceCollection();
            services.AddSingleton(configuration);
            services.AddSingleton(TimeProvider.System);
            services.AddLogging(logging => logging
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Warning));
            services.AddCore();
            _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            await _provider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken);
        }

        return _provider;
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
