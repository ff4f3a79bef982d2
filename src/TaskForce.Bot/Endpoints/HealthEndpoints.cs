using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using TaskForce.Bot.Operations;
using TaskForce.Core.Storage;
using TaskForce.Dialogs.Language;

namespace TaskForce.Bot.Endpoints;

/// <summary>/healthz: liveness (the process serves; database and language model reported). /readyz: readiness.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetHealthAsync);
        app.MapGet("/readyz", GetReadinessAsync);
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealthAsync(
        SqliteConnectionFactory connections, LanguageModelStatus llm, CancellationToken cancellationToken)
    {
        var model = new LanguageModelReport(llm.Active, llm.Deployment);
        try
        {
            await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
            int version = await Migrator.GetVersionAsync(connection, cancellationToken);
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1;", cancellationToken: cancellationToken));
            return TypedResults.Ok(new HealthReport("ok", "ok", version, model));
        }
        catch (SqliteException ex)
        {
            return TypedResults.Json(new HealthReport("degraded", ex.SqliteErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), null, model), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<JsonHttpResult<ReadinessReport>> GetReadinessAsync(ReadinessProbe probe, CancellationToken cancellationToken)
    {
        ReadinessReport report = await probe.CheckAsync(cancellationToken);
        return TypedResults.Json(report, statusCode: report.Status == "ready" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    internal sealed record HealthReport(string Status, string Database, int? SchemaVersion, LanguageModelReport Llm);

    internal sealed record LanguageModelReport(bool Active, string? Deployment);
}
