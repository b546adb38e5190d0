using System.Globalization;

namespace FeedWatch.Core.Articles.Robots;

/// <summary>
/// Parses robots.txt leniently, as RFC 9309 asks: unknown lines and garbage are ignored, consecutive
/// user-agent lines share one group, only the first 500 KiB are read, and "disallow:" with no path
/// allows everything.
/// </summary>
public static class RobotsTxtParser
{
    public const int MaxChars = 500 * 1024;

    public static RobotsTxt Parse(string content)
    {
        if (content.Length > MaxChars)
        {
            content = content[..MaxChars];
        }

        var groups = new List<RobotsGroup>();
        var sitemaps = new List<string>();
        List<string>? agents = null;
        List<RobotsRule>? rules = null;
        TimeSpan? crawlDelay = null;
        var lastWasAgent = false;

        void Close()
        {
            if (agents is { Count: > 0 })
            {
                groups.Add(new RobotsGroup(agents, rules ?? [], crawlDelay));
            }

            agents = null;
            rules = null;
            crawlDelay = null;
        }

        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                case "useragent":
                case "user agent":
                    if (!lastWasAgent)
                    {
                        Close();
                        agents = [];
                        rules = [];
                    }

                    // Only the product token counts: "FeedWatch/1.0" names "FeedWatch".
                    var token = value.Split('/', ' ')[0];
                    if (token.Length > 0)
                    {
                        agents!.Add(token);
                    }

                    lastWasAgent = true;
                    continue;
                case "allow":
                case "disallow":
                    if (rules is not null)
                    {
                        rules.Add(new RobotsRule(key == "allow", value));
                    }

                    break;
                case "crawl-delay":
                    if (agents is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86_400)
                    {
                        crawlDelay = TimeSpan.FromSeconds(seconds);
                    }

                    break;
                case "sitemap":
                    if (value.Length > 0)
                    {
                        sitemaps.Add(value);
                    }

                    break;
            }

            lastWasAgent = false;
        }

        Close();
        return new RobotsTxt(groups, sitemaps);
    }
}
