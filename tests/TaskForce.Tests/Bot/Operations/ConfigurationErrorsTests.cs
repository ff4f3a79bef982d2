using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TaskForce.Activities.Auth;
using TaskForce.Bot.Operations;
using TaskForce.Core.Outbox;
using TaskForce.Core.Tasks;

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

    [Theory]
    [InlineData(typeof(TrafficLightOptions), "TrafficLight:RedBehindPoints", "abc", "TrafficLight:RedBehindPoints: 'abc' is not a whole number.")]
    [InlineData(typeof(OutboxOptions), "Outbox:PollInterval", "xyz", "Outbox:PollInterval: 'xyz' is not a time span such as 00:00:30 or 1.00:00:00.")]
    [InlineData(typeof(BotOptions), "Bot:MicrosoftAppType", "Foo", "Bot:MicrosoftAppType: 'Foo' is not one of MultiTenant, SingleTenant, UserAssignedMSI.")]
    public void Failures_ValueTheBinderCannotConvert_OneLineNamingTheKey(Type optionsType, string key, string value, string expected)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        Exception bindingFailure = Assert.ThrowsAny<Exception>(
            () => configuration.GetSection(key[..key.IndexOf(':', StringComparison.Ordinal)]).Bind(Activator.CreateInstance(optionsType)));

        IReadOnlyList<string> failures = ConfigurationErrors.Failures(bindingFailure);

        Assert.Equal([expected], failures);
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
