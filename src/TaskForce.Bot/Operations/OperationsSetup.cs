using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TaskForce.Activities.Connector;
using TaskForce.Activities.Turns;
using TaskForce.Core.Outbox;
using TaskForce.Dialogs.Language;

namespace TaskForce.Bot.Operations;

internal static class OperationsSetup
{
    public const string OtlpEnvironmentVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Metrics, traces, readiness and shutdown. Call after the handler and the outbox delivery are registered.</summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        IServiceCollection services = builder.Services;
        services.AddMetrics();
        services.AddSingleton<OutboxMetricsStore>();
        services.AddSingleton<OutboxDepthReader>();
        services.AddSingleton<BotMetrics>();
        services.AddSingleton<ReadinessStore>();
        services.AddSingleton<ReadinessProbe>();
        Decorate<IActivityHandler>(services, (sp, inner) => new MeasuredActivityHandler(inner, sp.GetRequiredService<BotMetrics>(), sp.GetRequiredService<TimeProvider>()));
        Decorate<IOutboxDelivery>(services, (sp, inner) => new MeasuredOutboxDelivery(inner, sp.GetRequiredService<BotMetrics>()));
        services.AddTransient<ConnectorAttemptCounter>();
        services.AddHttpClient(nameof(IConnectorClient)).AddHttpMessageHandler<ConnectorAttemptCounter>();

        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.ShutdownTimeout);
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        AddOpenTelemetry(builder);
        return builder;
    }

    private static void AddOpenTelemetry(WebApplicationBuilder builder)
    {
        string exporter = TelemetryOptions.Resolve(
            builder.Configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Exporter)}"],
            builder.Configuration[OtlpEnvironmentVariable]);
        if (exporter is not ("console" or "otlp"))
        {
            return; // the meters still exist (in-process listeners see them); nothing is exported
        }

        string? endpoint = builder.Configuration[$"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.OtlpEndpoint)}"];
        AddExporters(builder.Services, exporter, endpoint);
    }

    /// <summary>
    /// Kept out of <see cref="AddOpenTelemetry"/> and never inlined, so that a bot without an exporter does not load
    /// the OpenTelemetry assemblies at all: compiling a method loads every assembly its body names.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddExporters(IServiceCollection services, string exporter, string? endpoint)
    {
        void ConfigureOtlp(OtlpExporterOptions options)
        {
            if (endpoint is { Length: > 0 } && Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri))
            {
                options.Endpoint = uri;
            }
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("taskforce-bot"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (exporter == "console")
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter(ConfigureOtlp);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotMetrics.MeterName, LanguageMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (exporter == "console")
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(ConfigureOtlp);
                }
            });
    }

    /// <summary>Replaces the last registration of <typeparamref name="TService"/> with a wrapper around it.</summary>
    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> wrap)
        where TService : class
    {
        ServiceDescriptor original = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(
            typeof(TService),
            sp => wrap(sp, Create<TService>(sp, original)),
            original.Lifetime));
    }

    private static TService Create<TService>(IServiceProvider sp, ServiceDescriptor descriptor)
        where TService : class =>
        descriptor switch
        {
            { ImplementationInstance: TService instance } => instance,
            { ImplementationFactory: { } factory } => (TService)factory(sp),
            { ImplementationType: { } type } => (TService)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException($"Cannot decorate {typeof(TService).Name}."),
        };
}
