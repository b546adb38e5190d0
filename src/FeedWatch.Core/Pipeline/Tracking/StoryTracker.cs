using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Fetching;
using FeedWatch.Core.Pipeline.Identity;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Stories;

namespace FeedWatch.Core.Pipeline.Tracking;

/// <summary>
/// Creates tracked stories from a seed (`feedwatch track add`, the feeds file's "tracked" list). The seed article
/// is stored like any polled article and marked classified into the tracked story, so when a feed later delivers
/// the same page it is recognised, not re-announced. Tracking the same seed twice changes nothing.
/// </summary>
public sealed class StoryTracker(ArticleFetcher fetcher, ArticleStore store, StoryUpdater updater, IBlobStore blobs, TimeProvider time)
{
    public const string TextSeedOutlet = "manual";

    public async Task<TrackResult> TrackUrlAsync(Uri url, string? title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var fetched = await fetcher.FetchAsync(url, null, null, cancellationToken).ConfigureAwait(false);
        if (fetched.Document is null)
        {
            throw new TrackingException($"Could not fetch the seed article {url}: {fetched.DescribeFailure()}");
        }

        if (string.IsNullOrWhiteSpace(fetched.Document.Text))
        {
            throw new TrackingException($"No article text found on {url}; try --text-file with the article's text.");
        }

        var stored = await store.StoreAsync(fetched.Document, fetched.RawPage, fetched.ContentType, fetched.AliasIds, cancellationToken).ConfigureAwait(false);
        return await TrackStoredAsync(stored, title, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TrackResult> TrackTextAsync(string text, string title, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new TrackingException("The seed text is empty.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new TrackingException("A story seeded from text needs a title (--title).");
        }

        var id = ArticleIds.ForText(title.Trim(), text.Trim());
        var now = time.GetUtcNow();
        var document = new ArticleDocument
        {
            Id = id,
            Url = "urn:feedwatch:text:" + id,
            CanonicalUrl = "urn:feedwatch:text:" + id,
            Outlet = TextSeedOutlet,
            Title = title.Trim(),
            FetchedAt = now,
            Text = text.Trim(),
        };
        var stored = await store.StoreAsync(document, null, null, [], cancellationToken).ConfigureAwait(false);
        return await TrackStoredAsync(stored, title, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TrackResult> TrackStoredAsync(StoredArticle stored, string? title, CancellationToken cancellationToken)
    {
        var article = await blobs.GetJsonAsync<ArticleDocument>(stored.BlobName, cancellationToken).ConfigureAwait(false)
            ?? throw new TrackingException($"The seed article {stored.ArticleId} was not stored as {stored.BlobName}.");
        var storyId = StoryIds.Tracked(article.Value.Id);
        var result = await updater.StartAsync(storyId, article.Value, tracked: true, title, cancellationToken).ConfigureAwait(false);
        await LinkAsync(stored.BlobName, article, storyId, cancellationToken).ConfigureAwait(false);
        var story = await blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(storyId), cancellationToken).ConfigureAwait(false);
        return new TrackResult(storyId, story?.Value.Title ?? article.Value.Title, article.Value.Id, stored.BlobName, article.Value.Outlet, result.Created);
    }

    private async Task LinkAsync(string blobName, StoredDocument<ArticleDocument> article, string storyId, CancellationToken cancellationToken)
    {
        var current = article;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (current.Value.Stories.Any(s => s.StoryId == storyId))
            {
                return;
            }

            var link = new ArticleStoryLink(storyId, 1, ReuseRelation.Independent, null, StartedStory: true);
            var updated = current.Value with { Stories = [.. current.Value.Stories, link], ClassifiedAt = current.Value.ClassifiedAt ?? time.GetUtcNow() };
            var result = await blobs.PutJsonAsync(blobName, updated, createOnly: false, ifMatch: current.ETag, cancellationToken).ConfigureAwait(false);
            if (result.Written)
            {
                return;
            }

            current = await blobs.GetJsonAsync<ArticleDocument>(blobName, cancellationToken).ConfigureAwait(false)
                ?? throw new TrackingException($"The seed article document {blobName} disappeared.");
        }

        throw new TrackingException($"The seed article document {blobName} kept changing; run the command again.");
    }
}
