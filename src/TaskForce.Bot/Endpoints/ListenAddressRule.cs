using Microsoft.Extensions.Options;
using TaskForce.Activities.Auth;

namespace TaskForce.Bot.Endpoints;

/// <summary>
/// Refuses to start in development mode (no app id) unless every configured listen address is loopback (§4.3):
/// otherwise anyone on the network could talk to the bot unauthenticated.
/// </summary>
internal sealed class ListenAddressRule(IConfiguration configuration, ILogger<ListenAddressRule> logger) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsDevelopmentMode)
        {
            return ValidateOptionsResult.Success;
        }

        string[] exposed = [.. ListenAddresses().Where(address => !Loopback.IsLoopbackListenAddress(address))];
        if (exposed.Length == 0)
        {
            logger.DevelopmentModeActive();
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"The bot listens on {string.Join(", ", exposed)} without Bot:MicrosoftAppId. Configure Bot:MicrosoftAppId "
            + "(with Bot:MicrosoftAppPassword or Bot:CertificatePath) or bind to 127.0.0.1 only (urls=http://127.0.0.1:3978).");
    }

    private IEnumerable<string> ListenAddresses()
    {
        string? urls = configuration["urls"];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            foreach (string url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return url;
            }
        }
        else
        {
            // ASPNETCORE_HTTP_PORTS / HTTPS_PORTS bind every interface.
            foreach (string key in new[] { "http_ports", "https_ports" })
            {
                if (!string.IsNullOrWhiteSpace(configuration[key]))
                {
                    yield return $"http://*:{configuration[key]}";
                }
            }
        }

        foreach (IConfigurationSection endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }
}
