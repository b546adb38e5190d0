using System.Text.RegularExpressions;

namespace FeedWatch.Core.Articles.Decoding;

/// <summary>Reads the charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1").</summary>
public static partial class HttpContentTypeCharset
{
    public static string? Find(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var match = Charset().Match(contentType);
        return match.Success ? match.Groups["cs"].Value : null;
    }

    [GeneratedRegex("""charset\s*=\s*["']?(?<cs>[\w.:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();
}
