namespace FeedWatch.Replay.Configuration;

/// <summary>One feed of a replay, as it goes into the feeds configuration file.</summary>
public sealed record ReplayFeed(Uri Url, string Name, TimeSpan PollInterval);
