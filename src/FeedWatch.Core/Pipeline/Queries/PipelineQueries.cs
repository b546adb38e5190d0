using System.Text.Json;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Core.Pipeline.Queries;

/// <summary>Read-side views over the stored documents for the CLI (and anything else that lists stories or alerts).</summary>
public sealed class PipelineQueries(IBlobStore blobs)
{
    private const int MaxRedirects = 32;

    /// <summary>Every story: tracked first, then by number of outlets, then most recently seen.</summary>
    public async Task<IReadOnlyList<StorySummary>> ListStoriesAsync(CancellationToken cancellationToken)
    {
        var stories = new List<StorySummary>();
        await foreach (var info in blobs.ListAsync(BlobLayout.StoriesPrefix, cancellationToken).ConfigureAwait(false))
        {
            var story = await blobs.GetJsonAsync<StoryDocument>(info.Name, cancellationToken).ConfigureAwait(false);
            if (story is not null && story.Value.MergedInto is null)
            {
                stories.Add(StorySummary.From(story.Value));
            }
        }

        return stories
            .OrderByDescending(s => s.Tracked)
            .ThenByDescending(s => s.Outlets.Count)
            .ThenByDescending(s => s.LastSeen)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A story document, following consolidation redirects (<see cref="StoryDocument.MergedInto"/>) to the story it
    /// became; null when there is none.
    /// </summary>
    public async Task<StoredDocument<StoryDocument>?> GetStoryAsync(string storyId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storyId);
        var story = await blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(storyId), cancellationToken).ConfigureAwait(false);
        for (var hop = 0; story?.Value.MergedInto is { } target; hop++)
        {
            if (hop >= MaxRedirects)
            {
                throw new InvalidDataException($"Story {storyId} redirects more than {MaxRedirects} times (a merge cycle?).");
            }

            story = await blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(target), cancellationToken).ConfigureAwait(false);
        }

        return story;
    }

    /// <summary>The most recent <paramref name="limit"/> alerts (0 = all), oldest first.</summary>
    public async Task<IReadOnlyList<AlertEnvelope>> ListAlertsAsync(int limit, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var info in blobs.ListAsync(BlobLayout.AlertsPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (info.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                names.Add(info.Name);
            }
        }

        // Names sort by day; within a day the id is a hash, so read whole days and sort by time.
        var byDay = names.GroupBy(n => n[..n.LastIndexOf('/')]).OrderByDescending(g => g.Key, StringComparer.Ordinal);
        var alerts = new List<AlertEnvelope>();
        foreach (var day in byDay)
        {
            if (limit > 0 && alerts.Count >= limit)
            {
                break;
            }

            foreach (var name in day)
            {
                var content = await blobs.GetAsync(name, cancellationToken).ConfigureAwait(false);
                if (content is not null)
                {
                    alerts.Add(JsonSerializer.Deserialize<AlertEnvelope>(content.Content.Span, FeedWatchJson.Options)
                        ?? throw new InvalidDataException($"{name} holds JSON null."));
                }
            }
        }

        var ordered = alerts.OrderByDescending(a => a.Time).ThenBy(a => a.Id, StringComparer.Ordinal);
        return (limit > 0 ? ordered.Take(limit) : ordered).Reverse().ToList();
    }

    public async Task<int> CountArticlesAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var info in blobs.ListAsync(BlobLayout.ArticlesPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (BlobLayout.IsArticleDocument(info.Name))
            {
                count++;
            }
        }

        return count;
    }
}
