namespace FeedWatch.Core.Articles.Robots;

/// <summary>One origin's parsed rules, until when they may be used, and where they came from.</summary>
internal sealed record RobotsCacheEntry(RobotsTxt Rules, DateTimeOffset ExpiresAt, string Source, bool IsError = false);
