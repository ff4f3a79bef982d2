using Microsoft.Extensions.Options;
using TaskForce.Activities.Auth;

namespace TaskForce.Bot.Endpoints;

/// <summary>
/// In development mode (no app id, loopback listener, no tokens) a request must name a loopback host: a web page on
/// another site that rebinds its DNS name to 127.0.0.1 sends its own name in <c>Host</c>, so it cannot read the
/// bot's answers or post activities as a trusted local client. With an app id every request carries a verified
/// token instead and the rule is off.
/// </summary>
internal static class DevelopmentHostRule
{
    public static WebApplication UseDevelopmentHostRule(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<BotOptions>>().Value.IsDevelopmentMode)
        {
            return app;
        }

        ILogger logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DevelopmentHostRule).FullName!);
        app.Use(async (context, next) =>
        {
            if (!IsLoopbackHost(context.Request.Host))
            {
                logger.NonLoopbackHostRefused(context.Request.Host.Value ?? string.Empty);
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary><c>localhost</c> or a loopback address, with or without a port; an empty or other name is refused.</summary>
    internal static bool IsLoopbackHost(HostString host) => host.HasValue && Loopback.IsLoopbackHost(host.Host);
}
