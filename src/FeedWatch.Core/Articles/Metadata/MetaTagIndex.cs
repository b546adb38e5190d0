using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Metadata;

/// <summary>
/// The page's &lt;meta&gt; values keyed by name, property or itemprop (lower-cased), first occurrence kept, so
/// readers can ask for "og:title" or "article:published_time" without walking the tree again.
/// </summary>
public sealed class MetaTagIndex
{
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> all = new(StringComparer.OrdinalIgnoreCase);

    public MetaTagIndex(IEnumerable<IElement> metaElements)
    {
        foreach (var meta in metaElements)
        {
            var content = meta.GetAttribute("content") ?? meta.GetAttribute("value");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            Add(meta.GetAttribute("property"), content);
            Add(meta.GetAttribute("name"), content);
            Add(meta.GetAttribute("itemprop"), content);
            Add(meta.GetAttribute("http-equiv"), content);
        }
    }

    public string? this[string key] => values.GetValueOrDefault(key);

    public string? First(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (values.TryGetValue(key, out var value))
            {
                return value;
            }
        }

        return null;
    }

    public IReadOnlyList<string> All(string key) => all.TryGetValue(key, out var list) ? list : [];

    private void Add(string? key, string content)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return;
        }

        key = key.Trim();
        content = content.Trim();
        values.TryAdd(key, content);
        if (!all.TryGetValue(key, out var list))
        {
            all[key] = list = [];
        }

        list.Add(content);
    }
}
