namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// Splits a corpus into two halves by site, so no site is in both: the fold of a page is the lowest bit of the
/// FNV-1a hash of its URL's host, lower-cased, without a leading "www.". Deterministic across runs and machines,
/// independent of the page order and of any score.
/// </summary>
public static class DomainFolds
{
    public const int Count = 2;

    public static int FoldOf(Uri? url) => url is null ? 0 : (int)(Fnv1a(SiteOf(url)) % Count);

    public static string SiteOf(Uri url)
    {
        var host = url.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
