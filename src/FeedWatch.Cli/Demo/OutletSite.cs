namespace FeedWatch.Cli.Demo;

/// <summary>A fictional outlet: its host name (mapped to 127.0.0.1), display name and pages.</summary>
public sealed record OutletSite(string Host, string Name, IReadOnlyList<OutletPage> Pages);
