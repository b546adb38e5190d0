using System.Globalization;
using System.Text.Json;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.JsonFeed;

/// <summary>Reads JSON Feed 1.0/1.1 leniently: wrong member types are skipped (and noted), never fatal.</summary>
public static class JsonFeedParser
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static bool LooksLikeJson(ReadOnlySpan<char> text)
    {
        var t = text.TrimStart();
        return t.Length > 0 && t[0] == '{';
    }

    /// <exception cref="JsonException">The text is not JSON at all.</exception>
    public static JsonFeedDocument Parse(string text, Uri? baseUri, ProblemLog problems)
    {
        using var doc = JsonDocument.Parse(text, Options);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a JSON Feed is an object");
        }

        var feed = new JsonFeedDocument
        {
            Version = Str(root, "version"),
            Title = Str(root, "title"),
            HomePageUrl = BaseUris.Resolve(baseUri, Str(root, "home_page_url")),
            FeedUrl = BaseUris.Resolve(baseUri, Str(root, "feed_url")),
            Description = Str(root, "description"),
            Language = Str(root, "language"),
            Icon = BaseUris.Resolve(baseUri, Str(root, "icon") ?? Str(root, "favicon")),
        };
        ReadAuthors(root, feed.Authors);
        if (root.TryGetProperty("items", out var items))
        {
            if (items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        feed.Items.Add(ReadItem(item, baseUri));
                    }
                }
            }
            else
            {
                problems.Add("JSON Feed 'items' is not an array");
            }
        }

        return feed;
    }

    private static JsonFeedItem ReadItem(JsonElement e, Uri? baseUri)
    {
        var item = new JsonFeedItem
        {
            Id = Str(e, "id"),
            Url = BaseUris.Resolve(baseUri, Str(e, "url")),
            ExternalUrl = BaseUris.Resolve(baseUri, Str(e, "external_url")),
            Title = Str(e, "title"),
            ContentHtml = Str(e, "content_html"),
            ContentText = Str(e, "content_text"),
            Summary = Str(e, "summary"),
            DatePublished = Str(e, "date_published"),
            DateModified = Str(e, "date_modified"),
        };
        ReadAuthors(e, item.Authors);
        if (e.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in tags.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } tag)
                {
                    item.Tags.Add(tag);
                }
            }
        }

        if (e.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in attachments.EnumerateArray())
            {
                if (a.ValueKind == JsonValueKind.Object && BaseUris.Resolve(baseUri, Str(a, "url")) is { Length: > 0 } url)
                {
                    item.Attachments.Add(new FeedEnclosure(url, Str(a, "mime_type"), Long(a, "size_in_bytes")));
                }
            }
        }

        return item;
    }

    private static void ReadAuthors(JsonElement e, List<FeedPerson> into)
    {
        if (e.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in authors.EnumerateArray())
            {
                AddAuthor(a, into);
            }
        }

        if (into.Count == 0 && e.TryGetProperty("author", out var author))
        {
            AddAuthor(author, into);
        }
    }

    private static void AddAuthor(JsonElement a, List<FeedPerson> into)
    {
        if (a.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var name = Str(a, "name");
        var url = Str(a, "url");
        if ((name ?? url) is not null)
        {
            into.Add(new FeedPerson(name, null, url));
        }
    }

    private static string? Str(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n
        : e.TryGetProperty(name, out v) && v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n
        : null;
}
