namespace FeedWatch.Core.Pipeline.Identity;

/// <summary>
/// Normalises article URLs so the same page reached through tracking links, different letter case or a
/// trailing fragment gets one article id. Conservative on purpose: only changes that never name a different page.
/// </summary>
public static class UrlCanonicalizer
{
    // Campaign and click-tracking parameters: they never select content, they only record how a reader arrived.
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "_hs"];
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ref_src", "cmpid", "ocid", "smid", "_ga",
    };

    public static Uri Canonicalize(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"Not an absolute URL: {url}", nameof(url));
        }

        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.IdnHost.ToLowerInvariant().TrimEnd('.'),
            Fragment = string.Empty,
            Query = CleanQuery(url.Query),
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    public static string Canonicalize(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? Canonicalize(parsed).AbsoluteUri : url.Trim();

    private static string CleanQuery(string query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        var kept = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .ToList();
        return kept.Count == 0 ? string.Empty : string.Join('&', kept);
    }

    private static bool IsTracking(string name) =>
        TrackingNames.Contains(name) || TrackingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
