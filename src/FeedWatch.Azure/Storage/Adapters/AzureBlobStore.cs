using System.Runtime.CompilerServices;
using Azure;
using FeedWatch.Azure.Storage.Blobs;
using FeedWatch.Core.Ports.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Azure.Storage.Adapters;

/// <summary>
/// <see cref="IBlobStore"/> on one Azure Blob container (e.g. "feedwatch"). Blob names are FeedWatch's layout
/// ("articles/2026/11/20/outlet/slug.json"), which Storage Explorer shows as folders. Failed conditions (409
/// BlobAlreadyExists, 412 ConditionNotMet, 404 on If-Match) come back as <see cref="BlobPutResult.ConditionFailed"/>;
/// every other failure throws <see cref="RequestFailedException"/>. The container is created on first write.
/// </summary>
public sealed class AzureBlobStore(BlobContainerClient container, ILogger<AzureBlobStore>? logger = null) : IBlobStore
{
    private readonly ILogger logger = logger ?? NullLogger<AzureBlobStore>.Instance;
    private Task? containerReady;

    public BlobContainerClient Container { get; } = container;

    public async Task<BlobContent?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        BlobNameRules.Validate(name);
        try
        {
            var result = await Container.DownloadAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new BlobContent(ToInfo(name, result.Properties), result.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<BlobPutResult> PutAsync(string name, ReadOnlyMemory<byte> content, BlobPutOptions options, CancellationToken cancellationToken = default)
    {
        BlobNameRules.Validate(name);
        ArgumentNullException.ThrowIfNull(options);
        BlobMetadataRules.Validate(options.Metadata);
        var upload = new BlobUploadOptions
        {
            ContentType = options.ContentType,
            ContentEncoding = options.ContentEncoding,
            Metadata = MetadataValueCodec.EncodeAll(options.Metadata),
            IfMatch = options.IfMatch,
            IfNoneMatch = options.CreateOnly ? "*" : null,
        };

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await Container.UploadAsync(name, content, upload, cancellationToken).ConfigureAwait(false);
            return new BlobPutResult(true, result.ETag);
        }
        catch (RequestFailedException ex) when (IsConditionFailure(ex, options))
        {
            logger.LogDebug("Conditional write of blob {BlobName} lost: {ErrorCode}", name, ex.ErrorCode);
            return BlobPutResult.ConditionFailed;
        }
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var pages = Container.GetBlobsAsync(prefix, cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                Page<BlobItem> page;
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    page = pages.Current;
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    yield break; // No container yet: nothing stored.
                }

                foreach (var item in page.Values)
                {
                    yield return ToInfo(item.Name, item.Properties);
                }
            }
        }
        finally
        {
            await pages.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        BlobNameRules.Validate(name);
        try
        {
            return await Container.DeleteBlobIfExistsAsync(name, ifMatch, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        var ready = containerReady;
        if (ready is null || ready.IsFaulted || ready.IsCanceled)
        {
            ready = Container.CreateIfNotExistsAsync(cancellationToken);
            containerReady = ready;
        }

        return ready;
    }

    private static bool IsConditionFailure(RequestFailedException ex, BlobPutOptions options) =>
        ex.Status == 412
        || (ex.Status == 409 && options.CreateOnly && ex.ErrorCode == "BlobAlreadyExists")
        || (ex.Status == 404 && options.IfMatch is not null && ex.ErrorCode == "BlobNotFound");

    private static BlobInfo ToInfo(string name, BlobProperties properties) =>
        new(name, properties.ETag, properties.ContentLength, properties.ContentType, properties.LastModified, MetadataValueCodec.DecodeAll(properties.Metadata))
        {
            ContentEncoding = properties.ContentEncoding,
        };
}
