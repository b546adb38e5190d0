using System.Security.Cryptography;
using System.Text;

namespace FeedWatch.Core.Pipeline.Identity;

/// <summary>Deterministic article ids: the hash of the canonical URL, so re-fetching a page never makes a second article.</summary>
public static class ArticleIds
{
    public const int ShortIdLength = 10;

    public static string ForUrl(Uri url) => ForCanonicalUrl(UrlCanonicalizer.Canonicalize(url).AbsoluteUri);

    public static string ForCanonicalUrl(string canonicalUrl) => "a" + Hash("article\n" + canonicalUrl);

    /// <summary>Articles that have no URL (a tracked story seeded from a text file) are named by their text.</summary>
    public static string ForText(string title, string text) => "t" + Hash("text\n" + title + "\n" + text);

    /// <summary>The short form used in blob names, enough to keep two same-slug articles of one outlet and day apart.</summary>
    public static string Short(string articleId) => articleId.Length <= ShortIdLength + 1 ? articleId : articleId[1..(ShortIdLength + 1)];

    internal static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));
}
