using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Queries;

namespace FeedWatch.Core.Stories.Index;

/// <summary>A story in the active index: bounded centroid, bounded representatives, origin, tracking.</summary>
public sealed class ActiveStory(int slot, string id)
{
    public int Slot { get; } = slot;

    public string Id { get; } = id;

    public int ArticleCount { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public string? OriginOutlet { get; set; }

    public string? OriginArticleId { get; set; }

    public TopicVector Centroid { get; set; } = TopicVector.Empty;

    /// <summary>IDF of each centroid term when the story was last indexed, and the IDF-weighted centroid norm.</summary>
    public float[] CentroidIdf { get; set; } = [];

    public double CentroidNorm { get; set; }

    /// <summary>IDF-weighted mass of the centroid's names and numbers (what the story says about who, where and how many).</summary>
    public double CentroidNameMass { get; set; }

    /// <summary>Representative slots; index 0 is the origin article.</summary>
    public List<int> Representatives { get; } = [];

    public uint[] IndexedTerms { get; set; } = [];

    /// <summary>The event year its first article that mentions one suggests (see <see cref="Scoring.EventYear"/>).</summary>
    public int? EventYear { get; set; }

    public StoryTracking Tracking { get; set; } = StoryTracking.Discovered;

    public StoryQuery? Query { get; set; }
}
