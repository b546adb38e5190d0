using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedWatch.Azure.Common;

/// <summary>How requests to a storage account authenticate: account key, SAS, Microsoft Entra token, or not at all.</summary>
public sealed class StorageAuthentication
{
    /// <summary>The OAuth scope storage data-plane tokens are requested for.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private readonly Func<HttpPipelinePolicy?> createPolicy;

    private StorageAuthentication(string description, Func<HttpPipelinePolicy?> createPolicy)
    {
        Description = description;
        this.createPolicy = createPolicy;
    }

    /// <summary>For logs: the kind of credential, never the secret.</summary>
    public string Description { get; }

    public static StorageAuthentication Anonymous { get; } = new("anonymous", () => null);

    public static StorageAuthentication SharedKey(AzureNamedKeyCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new("shared key", () => new SharedKeyAuthenticationPolicy(credential));
    }

    public static StorageAuthentication Sas(AzureSasCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new("shared access signature", () => new SasQueryPolicy(credential));
    }

    public static StorageAuthentication Token(TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new("Microsoft Entra token", () => new BearerTokenAuthenticationPolicy(credential, StorageScope));
    }

    /// <summary>The per-retry policy that authenticates a request, or null for anonymous access.</summary>
    public HttpPipelinePolicy? CreatePolicy() => createPolicy();
}
