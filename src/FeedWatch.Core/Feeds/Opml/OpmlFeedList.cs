using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline.Identity;

namespace FeedWatch.Core.Feeds.Opml;

/// <summary>
/// Converts between OPML outlines and FeedWatch feed definitions. Nested outlines without an xmlUrl are folders: their
/// path ("News/World") becomes the feed's <see cref="FeedDefinition.Category"/>; OPML 2.0 category entries without a
/// slash become <see cref="FeedDefinition.Tags"/>. The reverse direction nests feeds by category again, so a list
/// survives export → import unchanged.
/// </summary>
public static class OpmlFeedList
{
    public const char CategorySeparator = '/';

    public static OpmlFeeds ToFeeds(OpmlDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var feeds = new List<FeedDefinition>();
        var invalid = new List<OpmlProblem>();
        var ignored = 0;
        Walk(document.Outlines, [], feeds, invalid, ref ignored);
        return new OpmlFeeds(feeds, invalid, ignored);
    }

    public static OpmlDocument FromFeeds(IEnumerable<FeedDefinition> feeds, string? title, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var root = new OpmlFolder("");
        foreach (var feed in feeds)
        {
            var folder = root;
            foreach (var part in SplitCategory(feed.Category))
            {
                folder = folder.Child(part);
            }

            folder.Items.Add(ToOutline(feed));
        }

        return new OpmlDocument { Version = "2.0", Title = title, DateCreated = created, Outlines = root.ToOutlines() };
    }

    /// <summary>"feed://host/x" and "feed:https://host/x" (browser subscribe links) mean the http(s) URL inside.</summary>
    public static Uri? NormalizeFeedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var text = url.Trim();
        if (text.StartsWith("feed:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = text[5..];
            text = rest.StartsWith("//", StringComparison.Ordinal) ? "http:" + rest : rest;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
    }

    private static void Walk(IReadOnlyList<OpmlOutline> outlines, List<string> path, List<FeedDefinition> feeds, List<OpmlProblem> invalid, ref int ignored)
    {
        foreach (var outline in outlines)
        {
            if (outline.XmlUrl is not null)
            {
                if (ToFeed(outline, path, invalid) is { } feed)
                {
                    feeds.Add(feed);
                }

                Walk(outline.Children, path, feeds, invalid, ref ignored);
            }
            else if (outline.Children.Count > 0)
            {
                var label = outline.Label;
                if (label is not null)
                {
                    path.Add(label.Replace(CategorySeparator, '-'));
                }

                Walk(outline.Children, path, feeds, invalid, ref ignored);
                if (label is not null)
                {
                    path.RemoveAt(path.Count - 1);
                }
            }
            else if (outline.Type is { } type && (type.Equals("rss", StringComparison.OrdinalIgnoreCase) || type.Equals("atom", StringComparison.OrdinalIgnoreCase)))
            {
                invalid.Add(new OpmlProblem(outline.Line, $"'{outline.Label}' is a feed outline without an xmlUrl"));
            }
            else
            {
                ignored++; // notes, links and empty folders: not subscriptions
            }
        }
    }

    private static FeedDefinition? ToFeed(OpmlOutline outline, List<string> path, List<OpmlProblem> invalid)
    {
        var url = NormalizeFeedUrl(outline.XmlUrl);
        if (url is null)
        {
            invalid.Add(new OpmlProblem(outline.Line, $"xmlUrl '{outline.XmlUrl}' is not an absolute http(s) URL"));
            return null;
        }

        if (outline.FeedWatchId is { } id && !FeedIds.IsValid(id))
        {
            invalid.Add(new OpmlProblem(outline.Line, $"feed id '{id}' may only hold letters, digits, '-', '_' and '.'"));
            return null;
        }

        if (outline.PollInterval is { } interval && !Durations.TryParse(interval, out _))
        {
            invalid.Add(new OpmlProblem(outline.Line, $"pollInterval '{interval}' is not a duration (30s, 15m, 2h, 00:15:00)"));
            return null;
        }

        var (category, tags) = Categories(outline.Category, path);
        var label = outline.Label;
        return new FeedDefinition
        {
            Id = outline.FeedWatchId,
            Url = url.AbsoluteUri,

            // The writer puts the URL in text when a feed has no name; reading it back must not invent one.
            Name = label is null || label == outline.XmlUrl || label == url.AbsoluteUri ? null : label,
            SiteUrl = NormalizeFeedUrl(outline.HtmlUrl)?.AbsoluteUri,
            Category = category,
            Tags = tags,
            PollInterval = outline.PollInterval,
            Adaptive = outline.Adaptive,
        };
    }

    /// <summary>Folder nesting wins for the category; OPML 2.0 "/A/B" entries fill it when there is no folder; entries without a slash are tags.</summary>
    private static (string? Category, List<string>? Tags) Categories(string? attribute, List<string> path)
    {
        var category = path.Count > 0 ? string.Join(CategorySeparator, path) : null;
        var tags = new List<string>();
        foreach (var entry in (attribute ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains(CategorySeparator, StringComparison.Ordinal))
            {
                var trimmed = entry.Trim(CategorySeparator);
                category ??= trimmed.Length > 0 ? trimmed : null;
            }
            else if (!tags.Contains(entry, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(entry);
            }
        }

        return (category, tags.Count > 0 ? tags : null);
    }

    private static OpmlOutline ToOutline(FeedDefinition feed) => new()
    {
        Text = feed.Name ?? feed.Url,
        Title = feed.Name,
        Type = "rss",
        XmlUrl = feed.Url,
        HtmlUrl = feed.SiteUrl,
        Category = feed.Tags is { Count: > 0 } tags ? string.Join(',', tags.Select(t => t.Replace(",", " ", StringComparison.Ordinal))) : null,
        FeedWatchId = feed.Id,
        PollInterval = feed.PollInterval,
        Adaptive = feed.Adaptive,
    };

    private static IEnumerable<string> SplitCategory(string? category) =>
        (category ?? "").Split(CategorySeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
