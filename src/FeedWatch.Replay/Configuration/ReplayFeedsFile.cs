namespace FeedWatch.Replay.Configuration;

/// <summary>
/// What `feedwatch run` needs to watch a replay: the feeds, and the host map sending every outlet host name to
/// the loopback server (which is why loopback must be allowed for exactly those hosts).
/// </summary>
public sealed record ReplayFeedsFile(IReadOnlyList<ReplayFeed> Feeds, IReadOnlyDictionary<string, string> HostMap);
