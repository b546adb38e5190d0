namespace FeedWatch.Core.Feeds.Dedup;

/// <summary>
/// What is remembered about an item between polls: its id (guid/atom:id), canonical link and a hash of its text.
/// Stored as one tab-separated string so it fits a list of keys; a bare string (an older key) reads as a link.
/// </summary>
public sealed record ItemFingerprint(string? Id, string? Link, string ContentHash)
{
    public string ToStorageString() => $"i:{Id}\tl:{Link}\th:{ContentHash}";

    public static ItemFingerprint Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith("i:", StringComparison.Ordinal))
        {
            return new ItemFingerprint(null, stored, string.Empty);
        }

        var parts = stored.Split('\t');
        string? Part(string prefix) => parts.FirstOrDefault(p => p.StartsWith(prefix, StringComparison.Ordinal)) is { Length: > 2 } p ? p[2..] : null;
        return new ItemFingerprint(Part("i:"), Part("l:"), Part("h:") ?? string.Empty);
    }
}
