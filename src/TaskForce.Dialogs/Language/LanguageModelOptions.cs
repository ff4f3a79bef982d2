using System.ComponentModel.DataAnnotations;

namespace TaskForce.Dialogs.Language;

/// <summary>
/// The Azure OpenAI deployment the bot may use. With no <see cref="Endpoint"/> the bot runs on its rules alone.
/// Without <see cref="ApiKey"/> it authenticates with Entra ID (managed identity, or the developer's login).
/// </summary>
public sealed class LanguageModelOptions : IValidatableObject
{
    public const string SectionName = "AzureOpenAI";

    /// <summary>For example https://my-resource.openai.azure.com/.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The deployment name (not the model name) chosen when the model was deployed.</summary>
    public string? Deployment { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty means the system-assigned one or the developer's login.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Budget for one extraction, one answer (all its tool rounds) or one summary.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    [Range(16, 16384)]
    public int MaxOutputTokens { get; set; } = 800;

    /// <summary>Rounds of tool calls one answer may take before the model must answer from what it has.</summary>
    [Range(1, 10)]
    public int MaxToolRounds { get; set; } = 4;

    public bool SummarizeBriefs { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out Uri? endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("AzureOpenAI:Endpoint must be an absolute http(s) URI.", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(Deployment))
        {
            yield return new ValidationResult("AzureOpenAI:Deployment is required when AzureOpenAI:Endpoint is set.", [nameof(Deployment)]);
        }
    }
}
