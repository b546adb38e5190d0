namespace FeedWatch.Core.Outlets;

/// <summary>
/// Outlet keys with configurable aliases ("FeedWatch:Outlets:Aliases": { "bbc.com": "bbc.co.uk", "nyti.ms": "nytimes.com" }).
/// An alias may name a full host or a registrable domain; the host is tried first so a single sub-domain can be split
/// off (e.g. "blogs.example.com": "example-blogs").
/// </summary>
public sealed class OutletResolver(IReadOnlyDictionary<string, string>? aliases = null)
{
    private readonly Dictionary<string, string> _aliases = (aliases ?? new Dictionary<string, string>())
        .ToDictionary(a => a.Key.Trim().TrimEnd('.').ToLowerInvariant(), a => a.Value.Trim().ToLowerInvariant(), StringComparer.Ordinal);

    public string Resolve(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return ResolveHost(url.IdnHost);
    }

    public string ResolveHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var normalized = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (_aliases.TryGetValue(normalized, out var byHost))
        {
            return byHost;
        }

        var key = OutletKey.FromHost(normalized);
        return _aliases.TryGetValue(key, out var byDomain) ? byDomain : key;
    }
}
