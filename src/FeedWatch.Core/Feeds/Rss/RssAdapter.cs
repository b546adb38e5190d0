using FeedWatch.Core.Feeds.Date;
using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Rss;

/// <summary>
/// Maps the raw RSS channel onto <see cref="ParsedFeed"/>. Every field takes RSS's own element first, then the Atom
/// (0.3 or 1.0) element in the channel or item, then Dublin Core (1.0, 1.1 or Terms), then the other extensions.
/// </summary>
public static class RssAdapter
{
    public static ParsedFeed ToParsedFeed(RssChannel c, ProblemLog problems)
    {
        var x = c.Extensions;
        var items = new FeedItem[c.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ToItem(c.Items[i], problems);
        }

        return new ParsedFeed
        {
            Format = Format(c.Version),
            Title = TextValues.NullIfEmpty(c.Title) ?? x.AtomTitle ?? x.DcTitle ?? c.Title,
            Link = c.Link ?? AlternateLink.Choose(x.AtomLinks),
            Description = TextValues.NullIfEmpty(c.Description) ?? x.AtomSubtitle ?? x.DcDescription ?? x.ITunesSummary,
            Language = LanguageTag.Normalize(TextValues.NullIfEmpty(c.Language) ?? x.DcLanguage),
            Updated = DateReader.Read(c.LastBuildDate, "lastBuildDate", problems)
                ?? DateReader.Read(c.PubDate, "pubDate", problems)
                ?? DateReader.Read(x.AtomUpdated, "atom:updated", problems)
                ?? DateReader.Read(x.DcModified ?? x.DcDate, "dc:date", problems),
            Authors = FeedAuthors(c),
            Image = c.ImageUrl is { Length: > 0 } url ? new FeedImage(url, c.ImageTitle, c.ImageLink)
                : x.ITunesImage is { } it ? new FeedImage(it, null, null) : null,
            TimeToLiveMinutes = int.TryParse(c.Ttl, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ttl) && ttl > 0 ? ttl : null,
            Items = items,
        };
    }

    public static FeedFormat Format(string? version) => version switch
    {
        "0.90" or "0.9" => FeedFormat.Rss090,
        "0.91" => FeedFormat.Rss091,
        "0.92" => FeedFormat.Rss092,
        "0.93" => FeedFormat.Rss093,
        "0.94" => FeedFormat.Rss094,
        "cdf" => FeedFormat.Cdf,
        _ => FeedFormat.Rss20,
    };

    private static List<FeedPerson> FeedAuthors(RssChannel c)
    {
        var x = c.Extensions;
        var list = new List<FeedPerson>();
        if (PersonText.Parse(c.ManagingEditor) is { } editor)
        {
            list.Add(editor);
        }
        else if (PersonText.Parse(c.WebMaster) is { } webMaster)
        {
            list.Add(webMaster);
        }
        else if (x.AtomAuthors.Count > 0)
        {
            list.AddRange(x.AtomAuthors);
        }
        else if (x.DcCreators.Count > 0)
        {
            list.AddRange(PersonText.ParseAll(x.DcCreators));
        }
        else if (x.ITunesAuthor is not null)
        {
            list.Add(new FeedPerson(x.ITunesAuthor, x.ITunesOwnerEmail, null));
        }

        return list;
    }

    private static FeedItem ToItem(RssItem item, ProblemLog problems)
    {
        var x = item.Extensions;
        var link = item.Link ?? AlternateLink.Choose(x.AtomLinks, item.Enclosures, x)
            ?? (item.GuidIsPermaLink && item.Guid is { } g && IsWebUrl(g) && !AlternateLink.IsEnclosure(g, item.Enclosures, x) ? item.Guid : null);
        return new FeedItem
        {
            Id = item.Guid ?? x.AtomId ?? x.DcIdentifier,
            Title = TextValues.NullIfEmpty(item.Title) ?? x.AtomTitle ?? x.DcTitle ?? x.MediaTitle ?? item.Title,
            Link = x.FeedBurnerOrigLink ?? link,
            Summary = TextValues.NullIfEmpty(item.Description) ?? x.AtomSummary ?? x.DcDescription ?? x.ITunesSummary ?? x.MediaDescription,
            Content = TextValues.NullIfEmpty(x.ContentEncoded) ?? x.AtomContent,
            Published = DateReader.Read(item.PubDate, "item pubDate", problems)
                ?? DateReader.Read(x.AtomPublished ?? x.AtomCreated, "item atom:published", problems)
                ?? DateReader.Read(x.DcDate, "item dc:date", problems),
            Updated = DateReader.Read(x.AtomUpdated ?? x.DcModified ?? x.DcDate, "item updated", problems),
            Authors = ItemAuthors(item),
            Categories = Categories(item),
            Enclosures = Enclosures(item),
        };
    }

    private static bool IsWebUrl(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<FeedPerson> ItemAuthors(RssItem item)
    {
        var x = item.Extensions;
        if (PersonText.Parse(item.Author) is { } author)
        {
            return [author];
        }

        if (x.AtomAuthors.Count > 0)
        {
            return x.AtomAuthors;
        }

        if (x.DcCreators.Count > 0)
        {
            return PersonText.ParseAll(x.DcCreators);
        }

        return x.ITunesAuthor is not null ? [new FeedPerson(x.ITunesAuthor, null, null)] : [];
    }

    /// <summary>The item's categories, then iTunes keywords, dc:subject and atom:category terms not already listed.</summary>
    private static IReadOnlyList<string> Categories(RssItem item)
    {
        var x = item.Extensions;
        if (x.ITunesKeywords.Count == 0 && x.DcSubjects.Count == 0 && x.AtomCategories.Count == 0)
        {
            return item.Categories;
        }

        var list = new List<string>(item.Categories);
        foreach (var extra in (ReadOnlySpan<IReadOnlyList<string>>)[x.ITunesKeywords, x.DcSubjects, x.AtomCategories])
        {
            foreach (var s in extra)
            {
                if (!list.Contains(s))
                {
                    list.Add(s);
                }
            }
        }

        return list;
    }

    private static IReadOnlyList<FeedEnclosure> Enclosures(RssItem item)
    {
        var x = item.Extensions;
        if (item.Enclosures.Count == 0 && x.MediaContents.Count == 0 && x.AtomLinks.Count == 0)
        {
            return [];
        }

        var list = new List<FeedEnclosure>(item.Enclosures.Count);
        foreach (var e in item.Enclosures)
        {
            list.Add(new FeedEnclosure(e.Url, TextValues.NullIfEmpty(e.Type), TextValues.Long(e.Length)));
        }

        foreach (var m in x.MediaContents)
        {
            // Pictures illustrating the item are not enclosures; audio/video files are (podcasts without <enclosure>).
            var picture = m.Medium == "image" || m.Type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;
            if (!picture && !list.Exists(e => e.Url == m.Url))
            {
                list.Add(new FeedEnclosure(m.Url, m.Type, m.FileSize));
            }
        }

        foreach (var l in x.AtomLinks)
        {
            if (l.Rel == "enclosure" && !list.Exists(e => e.Url == l.Href))
            {
                list.Add(new FeedEnclosure(l.Href, l.Type, l.Length));
            }
        }

        return list;
    }
}
