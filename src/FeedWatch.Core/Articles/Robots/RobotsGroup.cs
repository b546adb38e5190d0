namespace FeedWatch.Core.Articles.Robots;

/// <summary>The rules that apply to a set of user agents; groups naming the same agent are merged.</summary>
public sealed record RobotsGroup(IReadOnlyList<string> UserAgents, IReadOnlyList<RobotsRule> Rules, TimeSpan? CrawlDelay);
