using FeedWatch.Core.Stories;

namespace FeedWatch.Core.Tests.Pipeline.Fakes;

/// <summary>A deterministic stand-in engine: an article belongs to a story when half its distinct words occur in the story's first article.</summary>
public sealed class WordOverlapStoryEngine : IStoryEngine
{
    private readonly Dictionary<string, StoryProfile> _stories = new(StringComparer.Ordinal);

    private readonly List<(string From, string Into)> _queued = [];

    public int LoadCalls { get; private set; }

    /// <summary>Articles added, and the count consolidation has caught up with (stamped on profiles as the real engine does).</summary>
    public long Sequence { get; private set; }

    public long ConsolidatedThrough { get; private set; }

    public IReadOnlyList<StoryMatch> Match(StoryArticle article) =>
        _stories.Values
            .Select(p => (p.StoryId, Score: Overlap(article.Text, p.Representatives[0].Text)))
            .Where(m => m.Score >= 0.5)
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.StoryId, StringComparer.Ordinal)
            .Select(m => new StoryMatch(m.StoryId, m.Score, m.Score > 0.9 ? ReuseRelation.Copy : ReuseRelation.Rewrite, null, []))
            .ToList();

    public StoryProfile Add(string storyId, StoryArticle article, StoryProfile? current = null)
    {
        Sequence++;
        var profile = current is null
            ? new StoryProfile { StoryId = storyId, ArticleCount = 1, LastSeen = article.Published, Representatives = [article] }
            : current with { ArticleCount = current.ArticleCount + 1, LastSeen = article.Published };
        profile = profile with { Sequence = Sequence, ConsolidatedThrough = ConsolidatedThrough };
        _stories[storyId] = profile;
        return profile;
    }

    public void Load(StoryProfile profile)
    {
        LoadCalls++;
        _stories[profile.StoryId] = profile;
    }

    public int Expire(DateTimeOffset now) => 0;

    /// <summary>Merges queued with <see cref="QueueMerge"/>, made at the next consolidation (the pipeline tests drive revisions by hand).</summary>
    public IReadOnlyList<StoryMerged> Consolidate()
    {
        var merges = _queued.Where(q => _stories.ContainsKey(q.From) && _stories.ContainsKey(q.Into)).Select(q => new StoryMerged(q.From, q.Into, Merge(q.From, q.Into))).ToList();
        _queued.Clear();
        ConsolidatedThrough = Sequence;
        return merges;
    }

    public void QueueMerge(string fromId, string intoId) => _queued.Add((fromId, intoId));

    public StoryProfile Merge(string fromId, string intoId)
    {
        var from = _stories[fromId];
        var into = _stories[intoId];
        var merged = into with { ArticleCount = into.ArticleCount + from.ArticleCount, MergedFrom = [.. into.MergedFrom, fromId, .. from.MergedFrom], Sequence = Sequence, ConsolidatedThrough = ConsolidatedThrough };
        _stories.Remove(fromId);
        _stories[intoId] = merged;
        return merged;
    }

    public void Remove(string storyId) => _stories.Remove(storyId);

    private static double Overlap(string a, string b)
    {
        var words = Words(a);
        var source = Words(b);
        return words.Count == 0 ? 0 : words.Count(source.Contains) / (double)words.Count;
    }

    private static HashSet<string> Words(string text) =>
        text.Split([' ', '\n', '.', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToHashSet();
}
