namespace FeedWatch.Cli.Demo;

/// <summary>One article page an outlet serves, and when (after the server starts) it appears in the outlet's feed.</summary>
public sealed record OutletPage(string Slug, string Title, DateTimeOffset Published, IReadOnlyList<string> Paragraphs, TimeSpan ReleaseAfter)
{
    public string Path => "/articles/" + Slug + ".html";
}
