namespace FeedWatch.Core.Feeds.Opml;

/// <summary>An outline that could not become a feed, with the line it came from and why.</summary>
public sealed record OpmlProblem(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}
