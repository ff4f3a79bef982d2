using Microsoft.Data.Sqlite;
using TaskForce.Bot.Workers;
using TaskForce.Core.Storage;

namespace TaskForce.Bot.Operations;

/// <summary>
/// Decides /readyz: migrations applied (<c>user_version</c> = <see cref="Migrator.LatestVersion"/>), the database
/// writable (a write transaction that is rolled back), and the scheduler running: the host has started, is not
/// stopping, and the outbox and planning worker loops have started and have not ended.
/// </summary>
internal sealed class ReadinessProbe(
    ReadinessStore store, IEnumerable<IHostedService> hostedServices, IHostApplicationLifetime lifetime, ILogger<ReadinessProbe> logger)
{
    public async Task<ReadinessReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["migrations"] = await CheckMigrationsAsync(cancellationToken),
            ["database"] = await CheckWritableAsync(cancellationToken),
            ["scheduler"] = CheckScheduler(),
        };
        foreach ((string check, string result) in checks.Where(c => c.Value != "ok"))
        {
            logger.ReadinessFailed(check, result);
        }

        return new ReadinessReport(checks.Values.All(v => v == "ok") ? "ready" : "not_ready", checks);
    }

    private async Task<string> CheckMigrationsAsync(CancellationToken cancellationToken)
    {
        try
        {
            int version = await store.SchemaVersionAsync(cancellationToken);
            return version == Migrator.LatestVersion ? "ok" : $"schema version {version}, expected {Migrator.LatestVersion}";
        }
        catch (SqliteException ex)
        {
            return "unavailable: " + ex.SqliteErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private async Task<string> CheckWritableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.ProbeWriteAsync(cancellationToken);
            return "ok";
        }
        catch (SqliteException ex)
        {
            return "not writable: " + ex.SqliteErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private string CheckScheduler()
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return "host starting";
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return "host stopping";
        }

        BackgroundService[] workers = [.. hostedServices.OfType<BackgroundService>().Where(s => s is OutboxWorker or PlanningWorker)];
        if (workers.Length < 2)
        {
            return "workers not registered";
        }

        return workers.FirstOrDefault(w => w.ExecuteTask is null || w.ExecuteTask.IsCompleted) is { } stopped
            ? stopped.GetType().Name + " not running"
            : "ok";
    }
}

internal sealed record ReadinessReport(string Status, IReadOnlyDictionary<string, string> Checks);
