namespace FeedWatch.Core.Feeds.Dedup;

/// <summary>A link as a de-duplication key: lower-case scheme and host, no default port, no fragment, no tracking parameters.</summary>
public static class LinkCanonicalizer
{
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "_hs"];
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase) { "fbclid", "gclid", "dclid", "msclkid", "igshid", "yclid", "ref_src", "cmpid" };

    public static string? Canonicalize(string link)
    {
        if (!Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        }

        var query = uri.Query.TrimStart('?');
        var kept = query.Length == 0 ? [] : query.Split('&').Where(p => p.Length > 0 && !IsTracking(p[..(p.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0 ? eq : p.Length)])).ToArray();
        var builder = new UriBuilder(uri) { Fragment = string.Empty, Query = string.Join('&', kept), Host = uri.Host.ToLowerInvariant() };
        if (uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri.AbsoluteUri;
    }

    private static bool IsTracking(string name) => TrackingNames.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
