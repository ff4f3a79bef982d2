using System.ComponentModel.DataAnnotations;

namespace TaskForce.Bot.Operations;

/// <summary>Where traces and metrics go: nowhere (default), the console, or an OTLP collector.</summary>
internal sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Telemetry";

    /// <summary>none, console or otlp. Unset with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> in the environment means otlp.</summary>
    [RegularExpression("^(?i)(none|console|otlp)$", ErrorMessage = "Telemetry:Exporter must be none, console or otlp.")]
    public string? Exporter { get; set; }

    /// <summary>The collector, e.g. http://localhost:4317; unset means <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or the OTLP default.</summary>
    public string? OtlpEndpoint { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint is { Length: > 0 } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Telemetry:OtlpEndpoint must be an absolute URI.", [nameof(OtlpEndpoint)]);
        }
    }

    /// <summary>The exporter in effect: the configured one, else otlp when the standard variable names a collector.</summary>
    public static string Resolve(string? configured, string? otlpEnvironmentEndpoint) =>
        configured is { Length: > 0 } value ? value.ToLowerInvariant()
        : otlpEnvironmentEndpoint is { Length: > 0 } ? "otlp"
        : "none";
}
