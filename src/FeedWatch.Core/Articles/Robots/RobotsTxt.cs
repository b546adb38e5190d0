namespace FeedWatch.Core.Articles.Robots;

/// <summary>
/// A parsed robots.txt (RFC 9309). <see cref="IsAllowed"/> picks the group for the crawler's product token
/// (case-insensitive; "*" when none names it), then the longest matching rule, allow winning ties.
/// </summary>
public sealed class RobotsTxt(IReadOnlyList<RobotsGroup> groups, IReadOnlyList<string> sitemaps)
{
    /// <summary>No rules at all: everything is allowed (also used when robots.txt is missing, HTTP 4xx).</summary>
    public static RobotsTxt AllowAll { get; } = new([], []);

    /// <summary>Everything disallowed: used while robots.txt cannot be fetched (HTTP 5xx, network errors).</summary>
    public static RobotsTxt DisallowAll { get; } = new([new RobotsGroup(["*"], [new RobotsRule(false, "/")], null)], []);

    public IReadOnlyList<RobotsGroup> Groups { get; } = groups;
    public IReadOnlyList<string> Sitemaps { get; } = sitemaps;

    public bool IsAllowed(string productToken, string pathAndQuery)
    {
        if (string.IsNullOrEmpty(pathAndQuery))
        {
            pathAndQuery = "/";
        }

        if (pathAndQuery.Equals("/robots.txt", StringComparison.Ordinal))
        {
            return true;
        }

        var path = NormalizePath(pathAndQuery);
        RobotsRule? best = null;
        foreach (var rule in RulesFor(productToken))
        {
            if (rule.Pattern.Length == 0 || !rule.Matches(path))
            {
                continue;
            }

            if (best is null || rule.Specificity > best.Specificity || (rule.Specificity == best.Specificity && rule.Allow && !best.Allow))
            {
                best = rule;
            }
        }

        return best?.Allow ?? true;
    }

    public TimeSpan? CrawlDelay(string productToken) => GroupsFor(productToken).Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null);

    private IEnumerable<RobotsRule> RulesFor(string productToken) => GroupsFor(productToken).SelectMany(g => g.Rules);

    private List<RobotsGroup> GroupsFor(string productToken)
    {
        var named = Groups.Where(g => g.UserAgents.Any(ua => ua.Equals(productToken, StringComparison.OrdinalIgnoreCase))).ToList();
        return named.Count > 0 ? named : Groups.Where(g => g.UserAgents.Contains("*")).ToList();
    }

    /// <summary>Percent-encodes characters that robots.txt files write encoded, so "/ä" and "/%C3%A4" compare equal.</summary>
    private static string NormalizePath(string pathAndQuery)
    {
        foreach (var c in pathAndQuery)
        {
            if (c > 0x7E || c == ' ')
            {
                return Uri.EscapeDataString(pathAndQuery).Replace("%2F", "/", StringComparison.Ordinal).Replace("%3F", "?", StringComparison.Ordinal)
                    .Replace("%3D", "=", StringComparison.Ordinal).Replace("%26", "&", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
            }
        }

        return pathAndQuery;
    }
}
