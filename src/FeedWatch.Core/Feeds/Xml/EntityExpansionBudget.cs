namespace FeedWatch.Core.Feeds.Xml;

/// <summary>What one document's entity expansion has used so far: the entities being expanded and the characters inserted.</summary>
internal sealed class EntityExpansionBudget
{
    public HashSet<string> Open { get; } = new(StringComparer.Ordinal);

    public int Inserted { get; set; }
}
