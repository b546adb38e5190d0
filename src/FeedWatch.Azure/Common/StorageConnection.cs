using Azure.Core;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace FeedWatch.Azure.Common;

/// <summary>
/// Where a storage account's Blob and Queue services are and how to authenticate to them, from any of the forms
/// Azure tools use: a connection string (<see cref="Parse"/>, read by the SDK itself: UseDevelopmentStorage=true,
/// account name + key, explicit endpoints, SAS) or the identity-based settings Functions uses
/// (<see cref="FromSettings"/>: "AzureWebJobsStorage__blobServiceUri" / "__queueServiceUri" / "__accountName" with
/// DefaultAzureCredential). It hands out the SDK's <see cref="BlobContainerClient"/> and <see cref="QueueClient"/>.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>Azurite's well-known development account (public, documented; not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string Needed =
        "It needs UseDevelopmentStorage=true, or AccountName and AccountKey, or BlobEndpoint and QueueEndpoint (with a SharedAccessSignature or for anonymous access).";

    private readonly Func<BlobClientOptions, BlobServiceClient> blobService;
    private readonly Func<QueueClientOptions, QueueServiceClient> queueService;

    private StorageConnection(
        Func<BlobClientOptions, BlobServiceClient> blobService,
        Func<QueueClientOptions, QueueServiceClient> queueService,
        string credentialKind,
        string? accountName)
    {
        this.blobService = blobService;
        this.queueService = queueService;
        var blob = blobService(StorageClientDefaults.Blob());
        BlobServiceUri = WithoutQuery(blob.Uri);
        QueueServiceUri = WithoutQuery(queueService(StorageClientDefaults.Queue()).Uri);
        CredentialKind = credentialKind;
        AccountName = accountName ?? NullIfEmpty(blob.AccountName);
    }

    /// <summary>The Blob service endpoint, without any SAS query.</summary>
    public Uri BlobServiceUri { get; }

    public Uri QueueServiceUri { get; }

    /// <summary>For logs and the CLI: the kind of credential ("shared key", "shared access signature", …), never the secret.</summary>
    public string CredentialKind { get; }

    /// <summary>The account name when it is known, for display.</summary>
    public string? AccountName { get; }

    /// <summary>A client for one container; <paramref name="options"/> default to <see cref="StorageClientDefaults.Blob"/>.</summary>
    public BlobContainerClient GetBlobContainerClient(string containerName, BlobClientOptions? options = null) =>
        blobService(options ?? StorageClientDefaults.Blob()).GetBlobContainerClient(containerName);

    /// <summary>A client for one queue; <paramref name="options"/> default to <see cref="StorageClientDefaults.Queue"/> (base64 messages).</summary>
    public QueueClient GetQueueClient(string queueName, QueueClientOptions? options = null) =>
        queueService(options ?? StorageClientDefaults.Queue()).GetQueueClient(queueName);

    /// <summary>Parses a storage connection string with the SDK's own parser. Throws <see cref="FormatException"/> naming the problem.</summary>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        connectionString = MoveEndpointQueryToSas(connectionString);
        var names = SettingNames(connectionString);
        if (!names.Contains("UseDevelopmentStorage") && !names.Contains("AccountName") && !(names.Contains("BlobEndpoint") && names.Contains("QueueEndpoint")))
        {
            throw new FormatException(
                "The storage connection string is not usable: it names neither AccountName nor both BlobEndpoint and QueueEndpoint. " + Needed);
        }

        try
        {
            return new StorageConnection(
                options => new BlobServiceClient(connectionString, options),
                options => new QueueServiceClient(connectionString, options),
                CredentialKindOf(names),
                accountName: null);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            // The SDK's messages never repeat the key; they say what is malformed or missing.
            throw new FormatException($"The storage connection string is not usable: {ex.Message} {Needed}", ex);
        }
    }

    /// <summary>Azurite on the given host and ports with the development account and key.</summary>
    public static StorageConnection Development(string host, int blobPort, int queuePort, string scheme = "http")
    {
        var blob = new Uri($"{scheme}://{host}:{blobPort}/{DevelopmentAccountName}");
        var queue = new Uri($"{scheme}://{host}:{queuePort}/{DevelopmentAccountName}");
        var key = new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey);
        return new StorageConnection(
            options => new BlobServiceClient(blob, key, options),
            options => new QueueServiceClient(queue, key, options),
            "shared key",
            DevelopmentAccountName);
    }

    /// <summary>Service URIs with a Microsoft Entra token credential (managed identity in Azure).</summary>
    public static StorageConnection FromServiceUris(Uri blobServiceUri, Uri queueServiceUri, TokenCredential credential, string? accountName = null)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageConnection(
            options => new BlobServiceClient(blobServiceUri, credential, options),
            options => new QueueServiceClient(queueServiceUri, credential, options),
            "Microsoft Entra token",
            accountName);
    }

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
        return FromServiceUris(AbsoluteHttpUri(blob, connectionName), AbsoluteHttpUri(queue, connectionName), credential, accountName);
    }

    /// <summary>Never prints the key or SAS: connection descriptions end up in logs.</summary>
    public override string ToString() => $"Blob {BlobServiceUri}, Queue {QueueServiceUri} ({CredentialKind})";

    // Only the names of the settings are looked at here (what is there, which credential); the SDK parses the values.
    private static HashSet<string> SettingNames(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    // A SAS pasted into an endpoint ("BlobEndpoint=https://…/?sv=…&sig=…") would be appended to the SDK's URI a second
    // time (duplicate query keys). The endpoint keeps its path; its query becomes the SharedAccessSignature unless one is given.
    private static string MoveEndpointQueryToSas(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        string? pastedSas = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var pair = parts[i].Split('=', 2);
            if (pair.Length == 2 && pair[0].EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase) && pair[1].IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
            {
                pastedSas ??= pair[1][(q + 1)..];
                parts[i] = pair[0] + "=" + pair[1][..q];
            }
        }

        if (pastedSas is null)
        {
            return connectionString;
        }

        if (!parts.Any(part => part.StartsWith("SharedAccessSignature=", StringComparison.OrdinalIgnoreCase)))
        {
            parts.Add("SharedAccessSignature=" + pastedSas);
        }

        return string.Join(';', parts);
    }

    private static string CredentialKindOf(HashSet<string> names) =>
        names.Contains("AccountKey") || names.Contains("UseDevelopmentStorage") ? "shared key"
            : names.Contains("SharedAccessSignature") ? "shared access signature"
            : "anonymous";

    private static Uri AbsoluteHttpUri(string value, string connectionName) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new FormatException($"'{connectionName}' has a service URI that is not an http(s) URL: {value}");

    private static Uri WithoutQuery(Uri uri) => new(uri.GetLeftPart(UriPartial.Path));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
