using System.Globalization;
using FeedWatch.Core.Pipeline.Identity;

namespace FeedWatch.Core.Pipeline.Blobs;

/// <summary>
/// Where every document lives. The names are meant to be browsed by a person in a blob explorer or a folder:
/// dates first, then outlet, then a readable slug with a short id that keeps names unique.
/// </summary>
public static class BlobLayout
{
    public const string ArticlesPrefix = "articles/";
    public const string StoriesPrefix = "stories/";
    public const string FeedsPrefix = "feeds/";
    public const string AlertsPrefix = "alerts/";

    /// <summary>Article id → article blob name. Create-only, so the first writer decides the name for good.</summary>
    public const string ArticleIndexPrefix = "index/articles/";

    public static string Article(DateTimeOffset date, string outlet, string title, string articleId) =>
        ArticlesPrefix + DatePath(date) + "/" + Segment(outlet) + "/" + Slug.From(title) + "-" + ArticleIds.Short(articleId) + ".json";

    /// <summary>The raw page sits beside its article document, gzip-compressed.</summary>
    public static string RawPage(string articleBlobName) =>
        (articleBlobName.EndsWith(".json", StringComparison.Ordinal) ? articleBlobName[..^5] : articleBlobName) + ".html.gz";

    public static string ArticleIndex(string articleId) => ArticleIndexPrefix + articleId + ".json";

    public static string Story(string storyId) => StoriesPrefix + storyId + ".json";

    public static string Feed(string feedId) => FeedsPrefix + feedId + ".json";

    public static string Alert(DateTimeOffset detectedAt, string alertId) => AlertsPrefix + DatePath(detectedAt) + "/" + alertId + ".json";

    public static bool IsArticleDocument(string blobName) =>
        blobName.StartsWith(ArticlesPrefix, StringComparison.Ordinal) && blobName.EndsWith(".json", StringComparison.Ordinal);

    private static string DatePath(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    // Outlet keys are host names; keep them as they are but never let one escape its folder.
    private static string Segment(string value)
    {
        var cleaned = new string(value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('.');
        return cleaned.Length == 0 ? "unknown" : cleaned;
    }
}
