using System.Globalization;
using System.Text.RegularExpressions;

namespace FeedWatch.Core.Articles.Metadata;

/// <summary>Publication dates many sites put in the article path: /2019/11/19/, /2019-11-19-, /20191119/.</summary>
public static partial class UrlDateParser
{
    public static DateTimeOffset? Parse(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        var match = PathDate().Match(path);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
    }

    [GeneratedRegex(@"(?<![\d])(?<y>(?:19|20)\d{2})[/\-_]?(?<m>0[1-9]|1[0-2])[/\-_]?(?<d>0[1-9]|[12]\d|3[01])(?![\d])")]
    private static partial Regex PathDate();
}
