using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using TaskForce.Core.Storage;

namespace TaskForce.Bot.Endpoints;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", GetHealthAsync);
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealthAsync(
        SqliteConnectionFactory connections, CancellationToken cancellationToken)
    {
        try
        {
            await using SqliteConnection connection = await connections.OpenAsync(cancellationToken);
            int version = await Migrator.GetVersionAsync(connection, cancellationToken);
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT 1;", cancellationToken: cancellationToken));
            return TypedResults.Ok(new HealthReport("ok", "ok", version));
        }
        catch (SqliteException ex)
        {
            return TypedResults.Json(new HealthReport("degraded", ex.SqliteErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture), null), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    internal sealed record HealthReport(string Status, string Database, int? SchemaVersion);
}
