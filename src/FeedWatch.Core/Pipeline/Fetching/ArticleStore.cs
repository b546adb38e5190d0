using System.IO.Compression;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Ports.Blobs;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Pipeline.Fetching;

/// <summary>
/// Stores an article exactly once. The id → blob name claim (index/articles/{id}.json) is written create-only
/// first; whoever wins decides the name, later writers reuse it. Both the document and the raw page are then
/// written create-only, so a crash between any two steps is repaired by simply running the store again.
/// </summary>
public sealed class ArticleStore(IBlobStore blobs, TimeProvider time, ILogger<ArticleStore> logger)
{
    /// <summary>Finds the blob name claimed for an article id, or null when the article was never stored.</summary>
    public async Task<string?> FindAsync(string articleId, CancellationToken cancellationToken)
    {
        var entry = await blobs.GetJsonAsync<ArticleIndexEntry>(BlobLayout.ArticleIndex(articleId), cancellationToken).ConfigureAwait(false);
        return entry?.Value.BlobName;
    }

    public async Task<StoredDocument<ArticleDocument>?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        var blobName = await FindAsync(articleId, cancellationToken).ConfigureAwait(false);
        return blobName is null ? null : await blobs.GetJsonAsync<ArticleDocument>(blobName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores the article (and its raw page) unless it is stored already; <paramref name="aliasIds"/> are other ids
    /// that should find it (the feed link's id when the page declared a different canonical URL).
    /// </summary>
    public async Task<StoredArticle> StoreAsync(
        ArticleDocument article,
        ReadOnlyMemory<byte>? rawPage,
        string? rawContentType,
        IReadOnlyCollection<string> aliasIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var blobName = await ClaimAsync(article, cancellationToken).ConfigureAwait(false);
        string? rawName = null;
        if (rawPage is { } raw)
        {
            rawName = BlobLayout.RawPage(blobName);
            var rawOptions = new BlobPutOptions
            {
                ContentType = rawContentType ?? "text/html",
                ContentEncoding = "gzip",
                CreateOnly = true,
                Metadata = new Dictionary<string, string> { ["articleid"] = article.Id },
            };
            await blobs.PutAsync(rawName, Gzip(raw.Span), rawOptions, cancellationToken).ConfigureAwait(false);
        }

        var document = article with { RawPageBlob = rawName };
        var written = await blobs.PutJsonAsync(blobName, document, createOnly: true, ifMatch: null, cancellationToken).ConfigureAwait(false);
        foreach (var alias in aliasIds.Where(a => a != article.Id))
        {
            await blobs.PutJsonAsync(
                BlobLayout.ArticleIndex(alias),
                new ArticleIndexEntry(article.Id, blobName, article.Url, time.GetUtcNow()),
                createOnly: true,
                ifMatch: null,
                cancellationToken).ConfigureAwait(false);
        }

        if (written.Written)
        {
            logger.LogInformation("Stored article {ArticleId} from {Outlet} as {BlobName}", article.Id, article.Outlet, blobName);
        }

        return new StoredArticle(article.Id, blobName, written.Written);
    }

    private async Task<string> ClaimAsync(ArticleDocument article, CancellationToken cancellationToken)
    {
        var indexName = BlobLayout.ArticleIndex(article.Id);
        var proposed = BlobLayout.Article(article.Published ?? article.FetchedAt, article.Outlet, article.Title, article.Id);
        var claim = await blobs.PutJsonAsync(indexName, new ArticleIndexEntry(article.Id, proposed, article.Url, time.GetUtcNow()), createOnly: true, ifMatch: null, cancellationToken).ConfigureAwait(false);
        if (claim.Written)
        {
            return proposed;
        }

        var existing = await blobs.GetJsonAsync<ArticleIndexEntry>(indexName, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Article index {indexName} refused a create-only write but cannot be read.");
        return existing.Value.BlobName;
    }

    private static byte[] Gzip(ReadOnlySpan<byte> content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }
}
