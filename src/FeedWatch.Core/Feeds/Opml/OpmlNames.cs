namespace FeedWatch.Core.Feeds.Opml;

/// <summary>Element and attribute names of OPML, plus the namespace FeedWatch uses for its own per-feed settings.</summary>
public static class OpmlNames
{
    /// <summary>OPML 2.0 allows extra attributes only in a namespace; this one carries id, pollInterval and adaptive.</summary>
    public const string FeedWatchNamespace = "https://feedwatch.dev/ns/opml/1";

    public const string FeedWatchPrefix = "feedwatch";
}
