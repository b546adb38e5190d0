using System.Globalization;
using System.Text.RegularExpressions;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds.Conformance;

/// <summary>
/// Answers feedparser result paths (feed['title'], entries[0]['content'][0]['value'], encoding …) from our
/// <see cref="ParsedFeed"/>. Paths for data our model does not carry (title_detail.type, links, source, itunes_*)
/// return NotApplicable and are counted separately, never as passes.
/// </summary>
internal static partial class FeedparserView
{
    public static readonly object NotApplicable = new();

    public static object? Resolve(string path, ParsedFeed f)
    {
        var parts = Accessor().Matches(path).Select(m => m.Groups["k"].Success ? m.Groups["k"].Value : m.Groups["i"].Success ? m.Groups["i"].Value : m.Groups["n"].Value).ToList();
        if (parts.Count == 0)
        {
            return NotApplicable;
        }

        switch (parts[0])
        {
            case "encoding" when parts.Count == 1:
                return f.Encoding;
            case "version" when parts.Count == 1:
                // Our model has one RSS 0.91; feedparser tells Netscape (rss091n) from UserLand (rss091u).
                return Version(f.Format) is "rss091" ? new VersionPrefix("rss091") : Version(f.Format);
            case "feed" when parts.Count >= 2:
                return FeedField(parts.Skip(1).ToList(), f);
            case "entries" when parts.Count >= 3 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var index):
                return index < f.Items.Count ? EntryField(parts.Skip(2).ToList(), f.Items[index]) : NotApplicable;
            default:
                return NotApplicable;
        }
    }

    private static object? FeedField(List<string> p, ParsedFeed f)
    {
        var key = Detail(p);
        return key switch
        {
            "title" => f.Title ?? string.Empty,
            "link" when p.Count == 1 => f.Link ?? string.Empty,
            "subtitle" or "tagline" or "description" => f.Description ?? string.Empty,
            "language" when p.Count == 1 => f.Language ?? string.Empty,
            "updated_parsed" or "modified_parsed" => f.Updated,
            "author" when p.Count == 1 => AuthorString(f.Authors),
            "author_detail" when p.Count == 2 => Person(f.Authors, p[1]),
            _ => NotApplicable,
        };
    }

    private static object? EntryField(List<string> p, FeedItem e)
    {
        var key = Detail(p);
        return key switch
        {
            "title" => e.Title ?? string.Empty,
            "link" when p.Count == 1 => e.Link ?? string.Empty,
            "id" or "guid" when p.Count == 1 => e.Id ?? string.Empty,
            "summary" or "description" => e.Summary ?? e.Content ?? string.Empty,
            "content" when p.Count == 3 && p[1] == "0" && p[2] == "value" => e.Content ?? string.Empty,
            "published_parsed" or "issued_parsed" => e.Published,
            "updated_parsed" or "modified_parsed" => e.Updated ?? e.Published,
            "author" when p.Count == 1 => AuthorString(e.Authors),
            "author_detail" when p.Count == 2 => Person(e.Authors, p[1]),
            "tags" when p.Count == 3 && p[2] == "term" && int.TryParse(p[1], CultureInfo.InvariantCulture, out var t) => t < e.Categories.Count ? e.Categories[t] : NotApplicable,
            "enclosures" when p.Count == 3 && int.TryParse(p[1], CultureInfo.InvariantCulture, out var n) && n < e.Enclosures.Count => p[2] switch
            {
                "href" or "url" => e.Enclosures[n].Url,
                "type" => e.Enclosures[n].Type ?? string.Empty,
                "length" => e.Enclosures[n].Length?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                _ => NotApplicable,
            },
            _ => NotApplicable,
        };
    }

    /// <summary>"title_detail"/"value" is the same string as "title"; other detail members are not in our model.</summary>
    private static string Detail(List<string> p)
    {
        if (p.Count == 2 && p[0].EndsWith("_detail", StringComparison.Ordinal) && p[0] != "author_detail")
        {
            return p[1] == "value" ? p[0][..^7] : "?";
        }

        return p.Count == 1 || p[0] is "author_detail" or "content" or "tags" or "enclosures" ? p[0] : "?";
    }

    private static object? Person(IReadOnlyList<FeedPerson> people, string member)
    {
        var p = people.Count > 0 ? people[0] : null;
        return member switch
        {
            "name" => p?.Name ?? string.Empty,
            "email" => p?.Email ?? string.Empty,
            "href" or "url" => p?.Uri ?? string.Empty,
            _ => NotApplicable,
        };
    }

    private static string AuthorString(IReadOnlyList<FeedPerson> people)
    {
        if (people.Count == 0)
        {
            return string.Empty;
        }

        var p = people[0];
        return p.Name is not null && p.Email is not null ? $"{p.Name} ({p.Email})" : p.Name ?? p.Email ?? string.Empty;
    }

    private static string Version(FeedFormat format) => format switch
    {
        FeedFormat.Rss090 => "rss090",
        FeedFormat.Rss091 => "rss091",
        FeedFormat.Rss092 => "rss092",
        FeedFormat.Rss093 => "rss093",
        FeedFormat.Rss094 => "rss094",
        FeedFormat.Rss10 => "rss10",
        FeedFormat.Rss20 => "rss20",
        FeedFormat.Atom03 => "atom03",
        FeedFormat.Atom10 => "atom10",
        _ => string.Empty,
    };

    /// <summary>A value equal to any string starting with the prefix.</summary>
    public sealed record VersionPrefix(string Prefix);

    [GeneratedRegex(@"^(?<n>\w+)|\[\s*'(?<k>[^']*)'\s*\]|\[\s*""(?<k>[^""]*)""\s*\]|\[(?<i>\d+)\]|\.(?<k>\w+)")]
    private static partial Regex Accessor();
}
