using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Stories.Passages;
using FeedWatch.Stories.Text;

namespace FeedWatch.Dashboard.Api;

/// <summary>The read side behind the dashboard's JSON API, over whichever blob store the host composed (folder or Azure).</summary>
public sealed class DashboardQueries(IBlobStore blobs, PipelineQueries pipeline, StoryAlertSettingsStore alertSettings, IStoryAlertSettingsProvider effectiveSettings)
{
    /// <summary>Sentences at least this similar count as a shared passage (the engine's own default threshold).</summary>
    private const double PassageThreshold = 0.5;

    private const int SparklineBuckets = 24;

    public async Task<IReadOnlyList<StoryListItem>> ListStoriesAsync(string? search, CancellationToken cancellationToken)
    {
        var stories = await pipeline.ListStoriesAsync(cancellationToken).ConfigureAwait(false);
        return stories
            .Where(s => string.IsNullOrWhiteSpace(search) || Matches(s, search))
            .Select(s => new StoryListItem(
                s.Id, s.Title, s.Tracked, s.Outlets.Count, s.ArticleCount, s.FirstSeen, s.LastSeen, s.OriginOutlet,
                Sparkline(s.Outlets.Select(o => o.FirstSeen).ToList(), s.FirstSeen, s.LastSeen)))
            .ToList();
    }

    public async Task<bool> StoryExistsAsync(string storyId, CancellationToken cancellationToken) =>
        await blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(storyId), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The story view; a story merged into another by consolidation shows the story it became.</summary>
    public async Task<StoryDetail?> GetStoryAsync(string storyId, CancellationToken cancellationToken)
    {
        var stored = await pipeline.GetStoryAsync(storyId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var story = stored.Value;
        storyId = story.Id;
        var ids = story.Profile.MergedFrom.Append(story.Id).ToHashSet(StringComparer.Ordinal);
        var articles = new List<StoryArticleView>();
        foreach (var articleId in story.RecentArticleIds.Concat(story.Outlets.Select(o => o.ArticleId)).Distinct(StringComparer.Ordinal))
        {
            var article = await GetArticleAsync(articleId, cancellationToken).ConfigureAwait(false);
            var link = article?.Stories.FirstOrDefault(l => ids.Contains(l.StoryId));
            if (article is not null && link is not null)
            {
                articles.Add(new StoryArticleView(
                    article.Id, article.Outlet, article.Title, article.Url, article.Published ?? article.FetchedAt,
                    link.Relation, link.Score, link.SourceArticleId, link.StartedStory));
            }
        }

        var alerts = story.Outbox
            .Select(e => new StoryAlertView(e.Alert.Id, e.Alert.Outlet, e.Alert.ArticleId, e.RecordedAt, e.DeliveredAt, e.DeliveredTo, e.LastError))
            .OrderBy(a => a.RecordedAt)
            .ToList();
        var alerting = await alertSettings.GetAsync(storyId, cancellationToken).ConfigureAwait(false) ?? effectiveSettings.For(storyId);
        return new StoryDetail(
            story.Id, story.Title, story.Tracked, story.OriginOutlet, story.OriginArticleId, story.FirstSeen, story.LastSeen,
            story.ArticleCount, story.Outlets, [.. articles.OrderBy(a => a.Time).ThenBy(a => a.Id, StringComparer.Ordinal)], alerts, alerting, story.Profile.Follows);
    }

    public async Task<ArticleDocument?> GetArticleAsync(string articleId, CancellationToken cancellationToken)
    {
        var entry = await blobs.GetJsonAsync<ArticleIndexEntry>(BlobLayout.ArticleIndex(articleId), cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        var article = await blobs.GetJsonAsync<ArticleDocument>(entry.Value.BlobName, cancellationToken).ConfigureAwait(false);
        return article?.Value;
    }

    /// <summary>
    /// Aligns the sentences of <paramref name="articleId"/> with those of <paramref name="sourceId"/> (by default the
    /// article's most likely source in its first story) with the engine's passage aligner.
    /// </summary>
    public async Task<Comparison?> CompareAsync(string articleId, string? sourceId, CancellationToken cancellationToken)
    {
        var article = await GetArticleAsync(articleId, cancellationToken).ConfigureAwait(false);
        var link = article?.Stories.FirstOrDefault(l => sourceId is null || l.SourceArticleId == sourceId)
            ?? (article is { Stories: [var firstLink, ..] } ? firstLink : null);
        var resolvedSourceId = sourceId ?? link?.SourceArticleId;
        if (article is null || resolvedSourceId is null)
        {
            return null;
        }

        var source = await GetArticleAsync(resolvedSourceId, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return null;
        }

        var articleText = TextAnalyzer.Analyze(article.Text);
        var sourceText = TextAnalyzer.Analyze(source.Text);
        var pairs = PassageAligner.AlignAll(articleText, sourceText, PassageThreshold);
        var articleMarks = new Dictionary<int, (int Passage, double Similarity)>();
        var sourceMarks = new Dictionary<int, (int Passage, double Similarity)>();
        foreach (var pair in pairs)
        {
            var passage = sourceMarks.TryGetValue(pair.SourceSentence, out var existing) ? existing.Passage : sourceMarks.Count + 1;
            articleMarks[pair.ArticleSentence] = (passage, pair.Similarity);
            sourceMarks.TryAdd(pair.SourceSentence, (passage, pair.Similarity));
        }

        return new Comparison(
            Side(article, articleText, articleMarks), Side(source, sourceText, sourceMarks), sourceMarks.Count,
            link?.Relation, link?.Score, link?.StoryId);
    }

    private static ComparedArticle Side(ArticleDocument document, AnalyzedText text, Dictionary<int, (int Passage, double Similarity)> marks)
    {
        var sentences = new List<ComparedSentence>(text.Sentences.Length);
        for (var i = 0; i < text.Sentences.Length; i++)
        {
            sentences.Add(marks.TryGetValue(i, out var mark)
                ? new ComparedSentence(text.SentenceText(i), mark.Passage, Math.Round(mark.Similarity, 3))
                : new ComparedSentence(text.SentenceText(i), null, null));
        }

        return new ComparedArticle(document.Id, document.Outlet, document.Title, document.Url, sentences);
    }

    private static bool Matches(StorySummary story, string search) =>
        story.Title.Contains(search, StringComparison.OrdinalIgnoreCase)
        || story.Id.Contains(search, StringComparison.OrdinalIgnoreCase)
        || story.Outlets.Any(o => o.Outlet.Contains(search, StringComparison.OrdinalIgnoreCase)
            || (o.ArticleTitle?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)); // outlets retitle a story

    /// <summary>Cumulative outlets reached at the end of each of <see cref="SparklineBuckets"/> equal slices of the story's life.</summary>
    private static int[] Sparkline(List<DateTimeOffset> outletTimes, DateTimeOffset? first, DateTimeOffset? last)
    {
        if (outletTimes.Count == 0 || first is null)
        {
            return [];
        }

        var start = outletTimes.Append(first.Value).Min();
        var end = outletTimes.Append(last ?? first.Value).Max();
        var span = Math.Max((end - start).Ticks, 1);
        var buckets = new int[SparklineBuckets];
        foreach (var time in outletTimes)
        {
            var bucket = (int)Math.Min(SparklineBuckets - 1, (time - start).Ticks * SparklineBuckets / span);
            buckets[bucket]++;
        }

        for (var i = 1; i < buckets.Length; i++)
        {
            buckets[i] += buckets[i - 1];
        }

        return buckets;
    }
}
