using System.Text.Json;
using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Metadata;

/// <summary>
/// Reads schema.org JSON-LD blocks. Pages nest the article under @graph, in arrays, or beside WebPage and
/// Organization objects; the object whose @type is an article type wins, a WebPage is the fallback.
/// Broken JSON in one block does not hide the others.
/// </summary>
public static class JsonLdReader
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
        "BackgroundNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
        "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle", "AdvertiserContentArticle", "Review",
    };

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static JsonLdArticle? Read(IEnumerable<IElement> jsonLdScripts)
    {
        JsonLdArticle? fallback = null;
        foreach (var script in jsonLdScripts)
        {
            var json = script.TextContent;
            if (json.Length is 0 or > 2_000_000)
            {
                continue;
            }

            try
            {
                using var parsed = JsonDocument.Parse(json.Trim().TrimEnd(';'), ParseOptions);
                foreach (var node in Flatten(parsed.RootElement, 0))
                {
                    var types = TypesOf(node);
                    if (types.Any(ArticleTypes.Contains))
                    {
                        return ToArticle(node);
                    }

                    if (fallback is null && types.Any(t => t.EndsWith("WebPage", StringComparison.OrdinalIgnoreCase)))
                    {
                        fallback = ToArticle(node);
                    }
                }
            }
            catch (JsonException)
            {
                // A malformed block is common (unescaped quotes in headlines); other blocks may still be fine.
            }
        }

        return fallback;
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            yield break;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in Flatten(item, depth + 1))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            if (element.TryGetProperty("@graph", out var graph))
            {
                foreach (var inner in Flatten(graph, depth + 1))
                {
                    yield return inner;
                }
            }

            if (element.TryGetProperty("mainEntity", out var main))
            {
                foreach (var inner in Flatten(main, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private static List<string> TypesOf(JsonElement node)
    {
        var types = new List<string>();
        if (node.TryGetProperty("@type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                types.Add(type.GetString()!);
            }
            else if (type.ValueKind == JsonValueKind.Array)
            {
                types.AddRange(type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
            }
        }

        return types;
    }

    private static JsonLdArticle ToArticle(JsonElement node) => new()
    {
        Headline = Text(node, "headline") ?? Text(node, "name"),
        DatePublished = Text(node, "datePublished") ?? Text(node, "dateCreated"),
        DateModified = Text(node, "dateModified"),
        Authors = Names(node, "author").Concat(Names(node, "creator")).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        PublisherName = node.TryGetProperty("publisher", out var publisher) ? Names(publisher).FirstOrDefault() : null,
        Image = node.TryGetProperty("image", out var image) ? Url(image) : null,
        Description = Text(node, "description"),
        Language = Text(node, "inLanguage"),
        Url = Text(node, "url") ?? (node.TryGetProperty("mainEntityOfPage", out var main) ? Url(main) : null),
        ArticleBody = Text(node, "articleBody"),
        NotAccessibleForFree = node.TryGetProperty("isAccessibleForFree", out var free) && IsFalse(free),
    };

    private static bool IsFalse(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.False => true,
        JsonValueKind.String => string.Equals(value.GetString()?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static string? Text(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static IEnumerable<string> Names(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) ? Names(value) : [];

    private static IEnumerable<string> Names(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var s = value.GetString();
                if (!string.IsNullOrWhiteSpace(s) && !s.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    yield return s.Trim();
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var name in Names(item))
                    {
                        yield return name;
                    }
                }

                break;
            case JsonValueKind.Object:
                if (value.TryGetProperty("name", out var name2))
                {
                    foreach (var n in Names(name2))
                    {
                        yield return n;
                    }
                }

                break;
        }
    }

    private static string? Url(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => value.EnumerateArray().Select(Url).FirstOrDefault(u => u is not null),
        JsonValueKind.Object when value.TryGetProperty("url", out var url) => Url(url),
        JsonValueKind.Object when value.TryGetProperty("@id", out var id) => Url(id),
        _ => null,
    };
}
