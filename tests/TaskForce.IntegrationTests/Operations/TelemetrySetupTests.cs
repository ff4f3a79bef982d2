using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using TaskForce.Activities.Turns;
using TaskForce.Bot.Operations;
using TaskForce.Core.Outbox;

namespace TaskForce.IntegrationTests.Operations;

/// <summary>Exporters are registered only when one is configured; without one the bot carries no telemetry pipeline.</summary>
public sealed class TelemetrySetupTests
{
    [Fact]
    public void AddOperations_NoExporter_RegistersNoOpenTelemetryService()
    {
        WebApplicationBuilder builder = CreateBuilder(exporter: null);

        builder.AddOperations();

        Assert.DoesNotContain(builder.Services, IsOpenTelemetryService);
    }

    [Theory]
    [InlineData("console")]
    [InlineData("otlp")]
    public void AddOperations_ExporterConfigured_RegistersOpenTelemetryServices(string exporter)
    {
        WebApplicationBuilder builder = CreateBuilder(exporter);

        builder.AddOperations();

        Assert.Contains(builder.Services, IsOpenTelemetryService);
    }

    private static WebApplicationBuilder CreateBuilder(string? exporter)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Exporter)}"] = exporter ?? "none";
        builder.Services.AddSingleton(Mock.Of<IActivityHandler>());
        builder.Services.AddSingleton(Mock.Of<IOutboxDelivery>());
        return builder;
    }

    private static bool IsOpenTelemetryService(ServiceDescriptor descriptor) =>
        descriptor.ServiceType.FullName?.StartsWith("OpenTelemetry.", StringComparison.Ordinal) == true;
}
