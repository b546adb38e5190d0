using System.Globalization;
using System.Text;
using FeedWatch.Replay.Corpus;

namespace FeedWatch.Replay.Schedule;

/// <summary>
/// The whole replay worked out in advance: every article's outlet host, page path and release offset, in published
/// order (articles without a date come first, at offset zero: they are "already out" when the replay starts).
/// </summary>
public sealed class ReplayPlan
{
    private readonly Dictionary<string, ReplayOutlet> _outletsByHost;
    private readonly Dictionary<(string Host, string Path), ReplayArticle> _articlesByPath;

    private ReplayPlan(IReadOnlyList<ReplayArticle> articles, ReplaySpeed speed)
    {
        Articles = articles;
        Speed = speed;
        Outlets = articles
            .GroupBy(a => a.HostName, StringComparer.Ordinal)
            .Select(g => new ReplayOutlet(g.First().Article.Outlet, g.Key, g.ToList()))
            .OrderBy(o => o.HostName, StringComparer.Ordinal)
            .ToList();
        _outletsByHost = Outlets.ToDictionary(o => o.HostName, StringComparer.OrdinalIgnoreCase);
        _articlesByPath = articles.ToDictionary(a => (a.HostName, a.Path));
        Duration = articles.Count == 0 ? TimeSpan.Zero : articles.Max(a => a.ReleaseOffset);
    }

    public IReadOnlyList<ReplayArticle> Articles { get; }
    public IReadOnlyList<ReplayOutlet> Outlets { get; }
    public ReplaySpeed Speed { get; }

    /// <summary>When the last article is released.</summary>
    public TimeSpan Duration { get; }

    public static ReplayPlan Create(IEnumerable<CorpusArticle> corpus, ReplaySpeed speed)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(speed);
        var ordered = corpus
            .Select((article, index) => (article, index))
            .OrderBy(x => x.article.Published ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.index)
            .Select(x => x.article)
            .ToList();
        var first = ordered.FirstOrDefault(a => a.Published is not null)?.Published;
        var usedPaths = new HashSet<(string, string)>();
        var articles = new List<ReplayArticle>(ordered.Count);
        foreach (var article in ordered)
        {
            var host = OutletHostNames.For(article.Outlet);
            var path = UniquePath(host, article, usedPaths);
            var offset = article.Published is { } published && first is { } start ? speed.ReleaseOffset(published - start) : TimeSpan.Zero;
            articles.Add(new ReplayArticle(article, host, path, offset, articles.Count));
        }

        return new ReplayPlan(articles, speed);
    }

    public ReplayOutlet? FindOutlet(string hostName) => _outletsByHost.GetValueOrDefault(hostName);

    public ReplayArticle? FindArticle(string hostName, string path) =>
        _articlesByPath.GetValueOrDefault((hostName.ToLowerInvariant(), path));

    /// <summary>How many articles are out after <paramref name="elapsed"/>.</summary>
    public int ReleasedCount(TimeSpan elapsed) => Articles.Count(a => a.ReleaseOffset <= elapsed);

    /// <summary>A path like a news site's: /2020/09/28/us-threatens-to-close-embassy-basil-12.html.</summary>
    private static string UniquePath(string host, CorpusArticle article, HashSet<(string, string)> used)
    {
        var date = article.Published is { } published
            ? published.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture)
            : "archive";
        var basePath = $"/{date}/{Slug(article.Title, 60)}-{Slug(article.Id, 80)}";
        var path = basePath + ".html";
        for (var n = 2; !used.Add((host, path)); n++)
        {
            path = $"{basePath}-{n}.html";
        }

        return path;
    }

    private static string Slug(string text, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text.ToLowerInvariant())
        {
            if (builder.Length >= maxLength)
            {
                break;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "article" : slug;
    }
}
