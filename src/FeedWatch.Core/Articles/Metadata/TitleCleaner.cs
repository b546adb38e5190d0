namespace FeedWatch.Core.Articles.Metadata;

/// <summary>
/// Strips the site name from a &lt;title&gt; ("Headline | Site", "Site - Headline"): the part that is not the site
/// name and is longest is the headline.
/// </summary>
public static class TitleCleaner
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

    public static string Clean(string title, string? siteName)
    {
        title = TextNormalizer.CollapseWhitespace(title);
        foreach (var separator in Separators)
        {
            var parts = title.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 2)
            {
                continue;
            }

            var candidates = parts.Where(p => siteName is null || !p.Equals(siteName, StringComparison.OrdinalIgnoreCase)).ToList();
            var longest = candidates.OrderByDescending(p => p.Length).First();

            // Only cut when what remains still reads like a headline, not one word of it.
            if (longest.Split(' ').Length >= 3)
            {
                return longest;
            }
        }

        return title;
    }
}
