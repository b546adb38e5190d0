using Azure;
using Azure.Core;
using Azure.Identity;

namespace FeedWatch.Azure.Common;

/// <summary>
/// Where a storage account's Blob and Queue services are and how to authenticate to them, from any of the
/// forms Azure tools use: a connection string (<see cref="Parse"/>: UseDevelopmentStorage=true, account name + key,
/// explicit endpoints, SAS) or the identity-based settings Functions uses (<see cref="FromSettings"/>:
/// "AzureWebJobsStorage__blobServiceUri" / "__queueServiceUri" / "__accountName" with a token credential).
/// </summary>
public sealed record StorageConnection(Uri BlobServiceUri, Uri QueueServiceUri, StorageAuthentication Authentication)
{
    /// <summary>Azurite's well-known development account (public, documented; not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The account name when it is known (shared key or from the endpoint), for display.</summary>
    public string? AccountName { get; init; }

    /// <summary>Parses a storage connection string. Throws <see cref="FormatException"/> naming what is missing or wrong.</summary>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = StorageConnectionStringParser.Split(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p) : new Uri("http://127.0.0.1");
            return Development(proxy.Host, blobPort: 10000, queuePort: 10001, proxy.Scheme);
        }

        settings.TryGetValue("AccountName", out var accountName);
        settings.TryGetValue("AccountKey", out var accountKey);
        settings.TryGetValue("SharedAccessSignature", out var sas);
        var blob = Endpoint(settings, "BlobEndpoint", "blob", accountName);
        var queue = Endpoint(settings, "QueueEndpoint", "queue", accountName);
        if (blob is null || queue is null)
        {
            throw new FormatException(
                "The storage connection string names neither AccountName nor both BlobEndpoint and QueueEndpoint, so FeedWatch cannot tell where the Blob and Queue services are.");
        }

        StorageAuthentication authentication;
        if (!string.IsNullOrEmpty(accountKey))
        {
            if (string.IsNullOrEmpty(accountName))
            {
                throw new FormatException("The storage connection string has an AccountKey but no AccountName.");
            }

            ValidateBase64(accountKey);
            authentication = StorageAuthentication.SharedKey(new AzureNamedKeyCredential(accountName, accountKey));
        }
        else if (!string.IsNullOrEmpty(sas))
        {
            authentication = StorageAuthentication.Sas(new AzureSasCredential(sas));
        }
        else
        {
            authentication = StorageAuthentication.Anonymous;
        }

        return new StorageConnection(blob, queue, authentication) { AccountName = accountName };
    }

    /// <summary>Azurite on the given host and ports with the development account and key.</summary>
    public static StorageConnection Development(string host, int blobPort, int queuePort, string scheme = "http") =>
        new(
            new Uri($"{scheme}://{host}:{blobPort}/{DevelopmentAccountName}"),
            new Uri($"{scheme}://{host}:{queuePort}/{DevelopmentAccountName}"),
            StorageAuthentication.SharedKey(new AzureNamedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey)))
        {
            AccountName = DevelopmentAccountName,
        };

    /// <summary>Service URIs with a Microsoft Entra token credential (managed identity in Azure).</summary>
    public static StorageConnection FromServiceUris(Uri blobServiceUri, Uri queueServiceUri, TokenCredential credential) =>
        new(blobServiceUri, queueServiceUri, StorageAuthentication.Token(credential));

    /// <summary>
    /// Reads the Functions-style settings of a connection named <paramref name="connectionName"/> (e.g. "AzureWebJobsStorage"):
    /// either a connection string under that name, or "{name}:blobServiceUri" and "{name}:queueServiceUri" (or
    /// "{name}:accountName") authenticated with DefaultAzureCredential ("{name}:clientId" picks a user-assigned identity).
    /// Configuration maps "AzureWebJobsStorage__blobServiceUri" environment variables to these keys.
    /// Returns null when none of them is set.
    /// </summary>
    public static StorageConnection? FromSettings(Func<string, string?> setting, string connectionName = "AzureWebJobsStorage", TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var connectionString = setting(connectionName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return Parse(connectionString);
        }

        var accountName = setting($"{connectionName}:accountName");
        var blob = setting($"{connectionName}:blobServiceUri") ?? (accountName is null ? null : $"https://{accountName}.blob.core.windows.net");
        var queue = setting($"{connectionName}:queueServiceUri") ?? (accountName is null ? null : $"https://{accountName}.queue.core.windows.net");
        if (blob is null && queue is null)
        {
            return null;
        }

        if (blob is null || queue is null)
        {
            throw new FormatException($"'{connectionName}' sets only one of blobServiceUri and queueServiceUri; FeedWatch needs both (or accountName).");
        }

        credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = setting($"{connectionName}:clientId") });
        return FromServiceUris(new Uri(blob), new Uri(queue), credential) with { AccountName = accountName };
    }

    private static Uri? Endpoint(IReadOnlyDictionary<string, string> settings, string explicitKey, string service, string? accountName)
    {
        if (settings.TryGetValue(explicitKey, out var explicitEndpoint))
        {
            return Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new FormatException($"{explicitKey} in the storage connection string is not an http(s) URL.");
        }

        if (string.IsNullOrEmpty(accountName))
        {
            return null;
        }

        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) ? p.ToLowerInvariant() : "https";
        var suffix = settings.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
        return new Uri($"{protocol}://{accountName}.{service}.{suffix}");
    }

    private static void ValidateBase64(string key)
    {
        var buffer = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, buffer, out _))
        {
            throw new FormatException("AccountKey in the storage connection string is not valid base64.");
        }
    }

    /// <summary>Never prints the key or SAS: connection descriptions end up in logs.</summary>
    public override string ToString() => $"Blob {BlobServiceUri}, Queue {QueueServiceUri} ({Authentication.Description})";
}
