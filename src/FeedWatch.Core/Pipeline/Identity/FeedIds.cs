namespace FeedWatch.Core.Pipeline.Identity;

/// <summary>Feed ids readable in a blob listing: the host as a slug plus a short hash of the canonical feed URL.</summary>
public static class FeedIds
{
    public static string ForUrl(string url)
    {
        var canonical = UrlCanonicalizer.Canonicalize(url);
        var host = Uri.TryCreate(canonical, UriKind.Absolute, out var parsed) ? parsed.Host : "feed";
        return Slug.From(host, 40) + "-" + ArticleIds.Hash("feed\n" + canonical)[..8];
    }

    /// <summary>User-given ids must be safe as a blob name segment.</summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 80 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && id[0] != '.';
}
