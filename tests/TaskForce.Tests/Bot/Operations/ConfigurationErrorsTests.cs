using Microsoft.Extensions.Options;
using TaskForce.Bot.Operations;

namespace TaskForce.Tests.Bot.Operations;

public sealed class ConfigurationErrorsTests
{
    [Fact]
    public void Failures_AggregateOfValidationErrors_OneReadableLinePerValue()
    {
        var storage = new OptionsValidationException("", typeof(ShutdownOptions), ["DataAnnotation validation failed for 'ShutdownOptions' members: 'ShutdownTimeout' with the error: 'Host:ShutdownTimeout must be between 00:00:01 and 00:10:00.'."]);
        var telemetry = new OptionsValidationException("", typeof(TelemetryOptions), ["Telemetry:OtlpEndpoint must be an absolute URI."]);

        IReadOnlyList<string> failures = ConfigurationErrors.Failures(new AggregateException(storage, telemetry));

        Assert.Equal(
            ["ShutdownOptions.ShutdownTimeout: Host:ShutdownTimeout must be between 00:00:01 and 00:10:00.", "TelemetryOptions: Telemetry:OtlpEndpoint must be an absolute URI."],
            failures);
    }

    [Fact]
    public void Failures_OtherException_None()
    {
        IReadOnlyList<string> failures = ConfigurationErrors.Failures(new InvalidOperationException("boom"));

        Assert.Empty(failures);
    }

    [Fact]
    public void Report_Failures_WritesHeaderAndEachOnItsOwnLineAndReturns2()
    {
        using var error = new StringWriter();

        int exitCode = ConfigurationErrors.Report(["A.B: bad", "C.D: worse", "A.B: bad"], error);

        Assert.Equal(2, exitCode);
        string[] lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["  - A.B: bad", "  - C.D: worse"], lines[1..]);
    }
}
