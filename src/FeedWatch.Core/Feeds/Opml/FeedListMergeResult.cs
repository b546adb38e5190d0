namespace FeedWatch.Core.Feeds.Opml;

/// <summary>
/// What a merge did: feeds added, feeds already listed (by URL) — of which <see cref="Enriched"/> gained a name, site,
/// category or tags they lacked — and nothing else changed.
/// </summary>
public sealed record FeedListMergeResult(int Added, int AlreadyPresent, int Enriched);
