using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FeedWatch.Core.Articles.Metadata;

/// <summary>
/// Reads title, URLs, site, authors, dates, language, description and lead image, preferring what the publisher
/// states for machines (JSON-LD, Open Graph, article:* meta) over what can be inferred from markup or the URL.
/// </summary>
public static class MetadataReader
{
    public static ArticleMetadata Read(IHtmlDocument document, Uri? pageUrl, int maxDepth = 200)
    {
        var index = new DocumentIndex(document, maxDepth);
        var meta = new MetaTagIndex(index.Metas);
        var jsonLd = JsonLdReader.Read(index.JsonLdScripts);
        var baseUrl = BaseUrl(index, pageUrl);

        var siteName = Clean(meta.First("og:site_name", "application-name", "twitter:app:name:iphone")) ?? Clean(jsonLd?.PublisherName);
        var htmlTitle = index.TitleElement?.TextContent is { Length: > 0 } t ? Clean(t) : null;
        var h1 = index.FirstH1 is null ? null : Clean(index.FirstH1.TextContent);

        var title = Clean(meta.First("og:title", "twitter:title")) ?? Clean(jsonLd?.Headline)
            ?? (htmlTitle is null ? null : TitleCleaner.Clean(htmlTitle, siteName)) ?? h1;

        var variants = new[] { title, Clean(meta["og:title"]), Clean(meta["twitter:title"]), Clean(jsonLd?.Headline), htmlTitle, h1,
                htmlTitle is null ? null : TitleCleaner.Clean(htmlTitle, siteName) }
            .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();

        var canonical = Resolve(baseUrl, LinkHref(index, "canonical")) ?? Resolve(baseUrl, meta["og:url"]) ?? Resolve(baseUrl, jsonLd?.Url) ?? pageUrl?.AbsoluteUri;
        var html = document.DocumentElement;
        var isAmp = html is not null && (html.HasAttribute("amp") || html.HasAttribute("⚡"));

        var language = Language(document, meta, jsonLd);
        var published = ArticleDateParser.Parse(jsonLd?.DatePublished)
            ?? FirstDate(meta, "article:published_time", "og:published_time", "article:published", "published_time", "datePublished",
                "pubdate", "publishdate", "publish-date", "publish_date", "published", "published-date", "citation_publication_date",
                "citation_online_date", "citation_date", "date", "dc.date", "dc.date.issued", "dcterms.date",
                "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "article_date_original", "cxenseparse:recs:publishtime",
                "originalpublicationdate", "ptime", "pdate", "timestamp", "displaydate", "dc.date.created")
            ?? TimeElementDate(index)
            ?? UrlDateParser.Parse(canonical) ?? UrlDateParser.Parse(pageUrl?.AbsoluteUri)
            ?? VisibleDateFinder.Find(document.Body, index.FirstH1, maxDepth, VisibleDateFinder.IsMonthFirst(language));

        var modified = ArticleDateParser.Parse(jsonLd?.DateModified)
            ?? FirstDate(meta, "article:modified_time", "og:updated_time", "article:modified", "dateModified", "modified_time",
                "last-modified", "lastmod", "dcterms.modified", "article.updated", "utime", "revision_date");

        return new ArticleMetadata
        {
            Title = title,
            TitleVariants = variants,
            CanonicalUrl = canonical,
            AmpUrl = Resolve(baseUrl, LinkHref(index, "amphtml")),
            IsAmpPage = isAmp,
            SiteName = siteName,
            Authors = Authors(index, meta, jsonLd),
            Published = OnShownDay(published ?? modified,
                UrlDateParser.Parse(canonical) ?? UrlDateParser.Parse(pageUrl?.AbsoluteUri)),
            Modified = modified,
            Language = language,
            Description = Clean(meta.First("og:description", "description", "twitter:description", "dc.description")) ?? Clean(jsonLd?.Description),
            Image = Resolve(baseUrl, meta.First("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"))
                ?? Resolve(baseUrl, jsonLd?.Image) ?? Resolve(baseUrl, LinkHref(index, "image_src")),
            JsonLd = jsonLd,
        };
    }

    /// <summary>
    /// A timestamp one calendar day away from the date in the article's URL path (which the publishing system writes
    /// in the publisher's own day) was written in another time zone, typically UTC late in the publisher's evening:
    /// the URL day wins. The instant is kept when a real offset (UTC−12 … UTC+14) puts it on that day, else the day
    /// at midnight UTC. A byline date is not used for this: a nearby teaser or comment date is too often one day off.
    /// </summary>
    private static DateTimeOffset? OnShownDay(DateTimeOffset? date, DateTimeOffset? shown)
    {
        if (date is not { } d || shown is not { } s)
        {
            return date;
        }

        var day = DateOnly.FromDateTime(d.DateTime);
        var shownDay = DateOnly.FromDateTime(s.DateTime);
        if (Math.Abs(day.DayNumber - shownDay.DayNumber) != 1)
        {
            return date;
        }

        foreach (var offset in (ReadOnlySpan<TimeSpan>)[TimeSpan.FromHours(-12), TimeSpan.FromHours(14)])
        {
            var local = d.ToOffset(offset);
            if (DateOnly.FromDateTime(local.DateTime) == shownDay)
            {
                return local;
            }
        }

        return new DateTimeOffset(shownDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    private static Uri? BaseUrl(DocumentIndex index, Uri? pageUrl)
    {
        var href = index.Base?.GetAttribute("href");
        if (href is not null && Uri.TryCreate(pageUrl, href, out var fromBase) && fromBase.IsAbsoluteUri)
        {
            return fromBase;
        }

        return pageUrl;
    }

    private static string? LinkHref(DocumentIndex index, string rel)
    {
        foreach (var link in index.Links)
        {
            var rels = link.GetAttribute("rel");
            if (rels is not null && rels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(rel, StringComparer.OrdinalIgnoreCase))
            {
                var href = link.GetAttribute("href");
                if (!string.IsNullOrWhiteSpace(href))
                {
                    return href.Trim();
                }
            }
        }

        return null;
    }

    private static string? Resolve(Uri? baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute.AbsoluteUri;
        }

        if (href.StartsWith("//", StringComparison.Ordinal))
        {
            return Uri.TryCreate((baseUrl?.Scheme ?? "https") + ":" + href, UriKind.Absolute, out var schemeless) ? schemeless.AbsoluteUri : null;
        }

        if (baseUrl is not null && Uri.TryCreate(baseUrl, href, out var relative))
        {
            return relative.AbsoluteUri;
        }

        // Without a page URL a relative reference cannot be made absolute; keep what the page says.
        return href.StartsWith('/') ? null : href;
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : System.Net.WebUtility.HtmlDecode(TextNormalizer.CollapseWhitespace(value));

    private static DateTimeOffset? FirstDate(MetaTagIndex meta, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            var parsed = ArticleDateParser.Parse(meta[key]);
            if (parsed is not null)
            {
                return parsed;
            }
        }

        return null;
    }

    /// <summary>A &lt;time&gt; marked pubdate, else the first one with a datetime inside the article or page.</summary>
    private static DateTimeOffset? TimeElementDate(DocumentIndex index)
    {
        var times = index.Times;
        var preferred = times.FirstOrDefault(t => t.HasAttribute("pubdate") || (t.GetAttribute("itemprop") ?? "").Contains("datePublished", StringComparison.OrdinalIgnoreCase))
            ?? times.FirstOrDefault(t => t.Closest("article") is not null && t.HasAttribute("datetime"))
            ?? times.FirstOrDefault(t => t.HasAttribute("datetime"));
        return preferred is null ? null : ArticleDateParser.Parse(preferred.GetAttribute("datetime") ?? preferred.TextContent);
    }

    private static List<string> Authors(DocumentIndex index, MetaTagIndex meta, JsonLdArticle? jsonLd)
    {
        var names = new List<string>();
        if (jsonLd is not null)
        {
            names.AddRange(jsonLd.Authors);
        }

        if (names.Count == 0)
        {
            foreach (var key in new[] { "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "twitter:creator" })
            {
                foreach (var value in meta.All(key))
                {
                    if (!value.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !value.StartsWith('@'))
                    {
                        names.AddRange(SplitNames(value));
                    }
                }

                if (names.Count > 0)
                {
                    break;
                }
            }
        }

        if (names.Count == 0)
        {
            var byline = index.AuthorElements.FirstOrDefault();
            if (byline is not null)
            {
                var named = byline.QuerySelector("[itemprop=name]");
                names.AddRange(SplitNames(named?.GetAttribute("content") ?? named?.TextContent ?? byline.TextContent));
            }
        }

        return names.Select(n => Clean(n)).Where(n => n is { Length: > 1 and < 100 }).Select(n => n!)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>"By Jane Roe and John Doe" → two names.</summary>
    private static IEnumerable<string> SplitNames(string value)
    {
        var text = TextNormalizer.CollapseWhitespace(value);
        if (text.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[3..];
        }

        return text.Split([",", " and ", " & ", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string? Language(IHtmlDocument document, MetaTagIndex meta, JsonLdArticle? jsonLd)
    {
        var raw = document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang")
            ?? meta.First("content-language", "language", "dc.language", "og:locale") ?? jsonLd?.Language;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var tag = raw.Trim().Split(',', ';')[0].Trim().Replace('_', '-');
        return tag.Length is >= 2 and <= 20 ? tag : null;
    }
}
