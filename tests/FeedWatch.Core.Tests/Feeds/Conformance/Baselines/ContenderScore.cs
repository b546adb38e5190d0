namespace FeedWatch.Core.Tests.Feeds.Conformance.Baselines;

/// <summary>One parser's tallies in the baseline comparison.</summary>
internal sealed class ContenderScore(string name)
{
    public string Name { get; } = name;

    public PassRate Parsed { get; } = new();

    public PassRate All { get; } = new();

    public PassRate Gofeed { get; } = new();

    public PassRate Feedparser { get; } = new();

    public PassRate Mix { get; } = new();

    public List<string> Examples { get; } = [];
}
