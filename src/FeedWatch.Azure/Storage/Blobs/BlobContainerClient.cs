using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using FeedWatch.Azure.Common;

namespace FeedWatch.Azure.Storage.Blobs;

/// <summary>
/// A client for one blob container over the Blob Storage REST API (x-ms-version pinned): create the container,
/// upload (single shot or in blocks) with content headers, metadata and conditions, download (with 304 on
/// If-None-Match), list by prefix page by page, delete. Methods are virtual so tests can substitute them.
/// </summary>
public class BlobContainerClient
{
    private readonly HttpPipeline pipeline;
    private readonly BlobClientOptions options;

    public BlobContainerClient(Uri containerUri, StorageAuthentication authentication, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        Uri = new Uri(containerUri.ToString().TrimEnd('/'));
        Name = Uri.Segments[^1].Trim('/');
        this.options = options ?? new BlobClientOptions();
        pipeline = StoragePipeline.Build(this.options, authentication, this.options.ServiceVersion);
    }

    public BlobContainerClient(Uri containerUri, AzureNamedKeyCredential credential, BlobClientOptions? options = null)
        : this(containerUri, StorageAuthentication.SharedKey(credential), options)
    {
    }

    public BlobContainerClient(Uri containerUri, AzureSasCredential credential, BlobClientOptions? options = null)
        : this(containerUri, StorageAuthentication.Sas(credential), options)
    {
    }

    public BlobContainerClient(Uri containerUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(containerUri, StorageAuthentication.Token(credential), options)
    {
    }

    public BlobContainerClient(StorageConnection connection, string containerName, BlobClientOptions? options = null)
        : this(ContainerUri(connection, containerName), connection.Authentication, options)
    {
    }

    /// <summary>For mocking.</summary>
    protected BlobContainerClient()
    {
        Uri = new Uri("http://localhost/mock");
        Name = "mock";
        options = new BlobClientOptions();
        pipeline = HttpPipelineBuilder.Build(options);
    }

    public Uri Uri { get; }

    public string Name { get; }

    /// <summary>Creates the container; false when it already existed.</summary>
    public virtual async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put, Uri, ("restype", "container"));
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 201, 409).ConfigureAwait(false);
        if (response.Status == 409 && response.Header("x-ms-error-code") != "ContainerAlreadyExists")
        {
            throw StorageErrorParser.CreateException(response);
        }

        return response.Status == 201;
    }

    /// <summary>Deletes the container and everything in it; false when it did not exist.</summary>
    public virtual async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, Uri, ("restype", "container"));
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 202, 404).ConfigureAwait(false);
        return response.Status == 202;
    }

    /// <summary>
    /// Uploads a block blob, replacing any existing one. Fails with <see cref="RequestFailedException"/> 412
    /// (If-Match) or 409 BlobAlreadyExists (If-None-Match: *) when the condition does not hold.
    /// </summary>
    public virtual async Task<BlobUploadResult> UploadAsync(string blobName, ReadOnlyMemory<byte> content, BlobUploadOptions? uploadOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        uploadOptions ??= new BlobUploadOptions();
        if (content.Length > options.SingleUploadThreshold)
        {
            return await UploadInBlocksAsync(blobName, content, uploadOptions, cancellationToken).ConfigureAwait(false);
        }

        using var message = CreateMessage(RequestMethod.Put, BlobUri(blobName));
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        ApplyUploadHeaders(message.Request, uploadOptions);
        message.Request.Content = RequestContent.Create(content);
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return UploadResult(response);
    }

    /// <summary>Downloads a blob; 404 throws. With <paramref name="ifNoneMatch"/> equal to the current ETag the result is NotModified.</summary>
    public virtual async Task<BlobDownloadResult> DownloadAsync(string blobName, string? ifNoneMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        using var message = CreateMessage(RequestMethod.Get, BlobUri(blobName));
        if (ifNoneMatch is not null)
        {
            message.Request.Headers.SetValue("If-None-Match", ifNoneMatch);
        }

        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 200, 304).ConfigureAwait(false);
        var properties = PropertiesFrom(response);
        return response.Status == 304
            ? new BlobDownloadResult(true, properties, ReadOnlyMemory<byte>.Empty)
            : new BlobDownloadResult(false, properties, response.Content.ToMemory());
    }

    /// <summary>Deletes a blob; false when it did not exist. A failed <paramref name="ifMatch"/> throws 412.</summary>
    public virtual async Task<bool> DeleteBlobIfExistsAsync(string blobName, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        using var message = CreateMessage(RequestMethod.Delete, BlobUri(blobName));
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 202, 404).ConfigureAwait(false);
        return response.Status == 202;
    }

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, in name order, with properties and metadata, one page per request.</summary>
    public virtual AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        new StorageAsyncPageable<BlobItem>((marker, pageSize, ct) => ListPageAsync(prefix, marker, pageSize, ct), cancellationToken);

    private async Task<Page<BlobItem>> ListPageAsync(string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        var query = new List<(string, string)> { ("restype", "container"), ("comp", "list"), ("include", "metadata") };
        if (!string.IsNullOrEmpty(prefix))
        {
            query.Add(("prefix", prefix));
        }

        if (!string.IsNullOrEmpty(marker))
        {
            query.Add(("marker", marker));
        }

        if (pageSize is > 0)
        {
            query.Add(("maxresults", pageSize.Value.ToString(CultureInfo.InvariantCulture)));
        }

        using var message = CreateMessage(RequestMethod.Get, Uri, [.. query]);
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var root = SafeXml.Parse(response.ContentStream!).Root!;
        var items = root.Element("Blobs")?.Elements("Blob").Select(ParseListedBlob).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
    }

    private static BlobItem ParseListedBlob(XElement blob)
    {
        var properties = blob.Element("Properties")!;
        string? Get(string name) => properties.Element(name)?.Value;
        var metadata = blob.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var encoding = Get("Content-Encoding");
        return new BlobItem(
            blob.Element("Name")!.Value,
            new BlobProperties(
                StorageResponses.QuoteETag(Get("Etag") ?? string.Empty),
                long.Parse(Get("Content-Length") ?? "0", CultureInfo.InvariantCulture),
                Get("Content-Type") ?? "application/octet-stream",
                string.IsNullOrEmpty(encoding) ? null : encoding,
                StorageResponses.HttpDate(Get("Last-Modified")),
                metadata));
    }

    private async Task<BlobUploadResult> UploadInBlocksAsync(string blobName, ReadOnlyMemory<byte> content, BlobUploadOptions uploadOptions, CancellationToken cancellationToken)
    {
        // Block ids are unique to this upload: two writers racing on one blob must never commit each other's blocks.
        var uploadId = Guid.NewGuid().ToString("N");
        var blockCount = (int)((content.Length + (long)options.BlockSize - 1) / options.BlockSize);
        var blockIds = Enumerable.Range(0, blockCount)
            .Select(i => Convert.ToBase64String(Encoding.ASCII.GetBytes($"{uploadId}-{i:D6}")))
            .ToArray();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, blockCount),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrentBlockUploads), CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var start = i * options.BlockSize;
                var block = content.Slice(start, Math.Min(options.BlockSize, content.Length - start));
                using var message = CreateMessage(RequestMethod.Put, BlobUri(blobName), ("comp", "block"), ("blockid", blockIds[i]));
                message.Request.Content = RequestContent.Create(block);
                await pipeline.SendCheckedAsync(message, ct, 201).ConfigureAwait(false);
            }).ConfigureAwait(false);

        // The conditions apply to the commit: until then the blob is untouched.
        var list = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        using var commit = CreateMessage(RequestMethod.Put, BlobUri(blobName), ("comp", "blocklist"));
        ApplyUploadHeaders(commit.Request, uploadOptions);
        commit.Request.Headers.SetValue("Content-Type", "application/xml");
        commit.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(list.ToString(SaveOptions.DisableFormatting)));
        var response = await pipeline.SendCheckedAsync(commit, cancellationToken, 201).ConfigureAwait(false);
        return UploadResult(response);
    }

    private static void ApplyUploadHeaders(Request request, BlobUploadOptions uploadOptions)
    {
        request.Headers.SetValue("x-ms-blob-content-type", uploadOptions.ContentType);
        if (!string.IsNullOrEmpty(uploadOptions.ContentEncoding))
        {
            request.Headers.SetValue("x-ms-blob-content-encoding", uploadOptions.ContentEncoding);
        }

        foreach (var (key, value) in uploadOptions.Metadata)
        {
            request.Headers.SetValue("x-ms-meta-" + key, value);
        }

        if (uploadOptions.IfMatch is not null)
        {
            request.Headers.SetValue("If-Match", uploadOptions.IfMatch);
        }

        if (uploadOptions.IfNoneMatch is not null)
        {
            request.Headers.SetValue("If-None-Match", uploadOptions.IfNoneMatch);
        }
    }

    private static BlobUploadResult UploadResult(Response response) =>
        new(StorageResponses.QuoteETag(response.Header("ETag") ?? string.Empty), StorageResponses.HttpDate(response.Header("Last-Modified")));

    private static BlobProperties PropertiesFrom(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
            }
        }

        return new BlobProperties(
            StorageResponses.QuoteETag(response.Header("ETag") ?? string.Empty),
            long.Parse(response.Header("x-ms-blob-content-length") ?? response.Header("Content-Length") ?? "0", CultureInfo.InvariantCulture),
            response.Header("Content-Type") ?? "application/octet-stream",
            response.Header("Content-Encoding"),
            StorageResponses.HttpDate(response.Header("Last-Modified")),
            metadata);
    }

    private Uri BlobUri(string blobName) => new($"{Uri}/{StorageResponses.EscapePath(blobName)}");

    private HttpMessage CreateMessage(RequestMethod method, Uri uri, params (string Name, string Value)[] query)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(uri);
        foreach (var (name, value) in query)
        {
            request.Uri.AppendQuery(name, value);
        }

        request.Headers.SetValue("Accept", "application/xml");
        return message;
    }

    private static Uri ContainerUri(StorageConnection connection, string containerName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(containerName);
        return new Uri(connection.BlobServiceUri.ToString().TrimEnd('/') + "/" + containerName);
    }
}
