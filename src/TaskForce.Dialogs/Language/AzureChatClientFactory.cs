using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.AI;

namespace TaskForce.Dialogs.Language;

/// <summary>Builds the Azure OpenAI chat client for the configured deployment, authenticated by key or by Entra ID.</summary>
internal static class AzureChatClientFactory
{
    public static IChatClient Create(LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = new Uri(options.Endpoint!, UriKind.Absolute);
        var clientOptions = new AzureOpenAIClientOptions
        {
            // No retries: a throttled or failing model must not hold the member's turn; the rules answer instead.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(1),
        };
        AzureOpenAIClient client = string.IsNullOrWhiteSpace(options.ApiKey)
            ? new AzureOpenAIClient(endpoint, Credential(options.ManagedIdentityClientId), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions);
        return client.GetChatClient(options.Deployment).AsIChatClient();
    }

    private static TokenCredential Credential(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
}
