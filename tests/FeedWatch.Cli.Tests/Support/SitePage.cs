namespace FeedWatch.Cli.Tests.Support;

/// <summary>One canned answer of <see cref="SiteServer"/>.</summary>
public sealed record SitePage(int Status, string ContentType, string Body, string? Location = null)
{
    public static SitePage Html(string body) => new(200, "text/html; charset=utf-8", body);

    public static SitePage Rss(string body) => new(200, "application/rss+xml; charset=utf-8", body);

    public static SitePage Redirect(int status, string location) => new(status, "text/plain", "", location);
}
