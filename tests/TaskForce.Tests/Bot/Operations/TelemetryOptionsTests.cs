using System.ComponentModel.DataAnnotations;
using TaskForce.Bot.Operations;

namespace TaskForce.Tests.Bot.Operations;

public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData(null, null, "none")]
    [InlineData(null, "http://collector:4317", "otlp")]
    [InlineData("Console", "http://collector:4317", "console")]
    [InlineData("none", "http://collector:4317", "none")]
    public void Resolve_ConfiguredAndEnvironment_ConfiguredWinsElseEnvironmentMeansOtlp(string? configured, string? environment, string expected)
    {
        Assert.Equal(expected, TelemetryOptions.Resolve(configured, environment));
    }

    [Theory]
    [InlineData("console", null, true)]
    [InlineData("zipkin", null, false)]
    [InlineData("otlp", "not a uri", false)]
    [InlineData("otlp", "http://localhost:4317", true)]
    public void Validate_Values_AcceptsOnlyKnownExportersAndAbsoluteEndpoints(string exporter, string? endpoint, bool valid)
    {
        var options = new TelemetryOptions { Exporter = exporter, OtlpEndpoint = endpoint };

        bool result = Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

        Assert.Equal(valid, result);
    }
}
