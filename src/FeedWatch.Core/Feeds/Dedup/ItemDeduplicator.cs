using System.Security.Cryptography;
using System.Text;

namespace FeedWatch.Core.Feeds.Dedup;

/// <summary>
/// Recognises items across polls: by guid/id first, then by canonical link, then by content hash (for items with
/// neither). A match whose text hash changed is an <see cref="ItemChange.Updated"/> item. Pure and deterministic.
/// </summary>
/// <param name="canonicalizeLink">How links become keys; the default drops fragments, tracking parameters and case noise.</param>
public sealed class ItemDeduplicator(Func<string, string?>? canonicalizeLink = null)
{
    private readonly Func<string, string?> canonicalize = canonicalizeLink ?? LinkCanonicalizer.Canonicalize;

    public IReadOnlyList<ClassifiedItem> Classify(IEnumerable<FeedItem> items, IEnumerable<ItemFingerprint> seen)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(seen);
        var byId = new Dictionary<string, ItemFingerprint>(StringComparer.Ordinal);
        var byLink = new Dictionary<string, ItemFingerprint>(StringComparer.Ordinal);
        var byHash = new Dictionary<string, ItemFingerprint>(StringComparer.Ordinal);
        foreach (var s in seen)
        {
            Index(s, byId, byLink, byHash);
        }

        var result = new List<ClassifiedItem>();
        foreach (var item in items)
        {
            var fingerprint = Fingerprint(item);
            ItemFingerprint? match = null;
            if (fingerprint.Id is { } id && byId.TryGetValue(id, out var m1))
            {
                match = m1;
            }
            else if (fingerprint.Link is { } link && byLink.TryGetValue(link, out var m2) && (m2.Id is null || fingerprint.Id is null))
            {
                // Same page under a different guid is a different item only when both carry ids.
                match = m2;
            }
            else if (byHash.TryGetValue(fingerprint.ContentHash, out var m3) && fingerprint.Id is null && fingerprint.Link is null)
            {
                match = m3;
            }

            var change = match is null ? ItemChange.New
                : match.ContentHash.Length == 0 || match.ContentHash == fingerprint.ContentHash ? ItemChange.Unchanged
                : ItemChange.Updated;
            result.Add(new ClassifiedItem(item, change, fingerprint));

            // Duplicates inside one poll are recognised too.
            Index(fingerprint, byId, byLink, byHash);
        }

        return result;
    }

    public ItemFingerprint Fingerprint(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim();
        var link = item.Link is { } l ? canonicalize(l) : null;
        return new ItemFingerprint(id, link, ContentHash(item));
    }

    /// <summary>SHA-256 (truncated) of title, summary and content with whitespace collapsed: cosmetic re-indentation is not an update.</summary>
    public static string ContentHash(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var sb = new StringBuilder();
        foreach (var part in (ReadOnlySpan<string?>)[item.Title, item.Summary, item.Content])
        {
            var lastSpace = true;
            foreach (var c in part ?? string.Empty)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (!lastSpace)
                    {
                        sb.Append(' ');
                        lastSpace = true;
                    }
                }
                else
                {
                    sb.Append(c);
                    lastSpace = false;
                }
            }

            sb.Append('\u241E');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private static void Index(ItemFingerprint f, Dictionary<string, ItemFingerprint> byId, Dictionary<string, ItemFingerprint> byLink, Dictionary<string, ItemFingerprint> byHash)
    {
        if (f.Id is not null)
        {
            byId[f.Id] = f;
        }

        if (f.Link is not null)
        {
            byLink[f.Link] = f;
        }

        if (f.ContentHash.Length > 0)
        {
            byHash[f.ContentHash] = f;
        }
    }
}
