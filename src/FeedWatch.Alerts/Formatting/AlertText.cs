using System.Globalization;
using System.Text;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;
using FeedWatch.Core.Stories;

namespace FeedWatch.Alerts.Formatting;

/// <summary>The human-readable wording shared by the console, Slack and Teams sinks.</summary>
public static class AlertText
{
    public static string Headline(SpreadAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return $"“{alert.StoryTitle}” reached {alert.Outlet} ({Relation(alert.Relation)}, score {alert.Score.ToString("0.00", CultureInfo.InvariantCulture)})";
    }

    public static string Headline(AlertDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var outlets = string.Join(", ", digest.Alerts.Select(a => a.Outlet));
        return $"“{digest.StoryTitle}” reached {digest.Alerts.Count} new outlet{(digest.Alerts.Count == 1 ? "" : "s")}: {outlets}";
    }

    /// <summary>Several plain-text lines: headline, article, reach so far, and the strongest matched passage.</summary>
    public static string Describe(SpreadAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var text = new StringBuilder();
        text.AppendLine(Headline(alert));
        text.Append("  Article: ").Append(alert.ArticleTitle ?? "(untitled)").Append(" — ").AppendLine(alert.ArticleUrl);
        if (alert.ArticlePublished is { } published) text.Append("  Published: ").AppendLine(published.ToString("u", CultureInfo.InvariantCulture));
        text.Append("  Now on ").Append(alert.OutletsSoFar.Count).Append(" outlet(s)");
        if (alert.OriginOutlet is not null) text.Append(", first seen on ").Append(alert.OriginOutlet);
        text.AppendLine();
        if (StrongestPassage(alert) is { } passage) text.Append("  Why: “").Append(Shorten(passage.ArticleText, 160)).AppendLine("”");
        return text.ToString().TrimEnd();
    }

    public static string Describe(AlertDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var text = new StringBuilder();
        text.AppendLine(Headline(digest));
        foreach (var alert in digest.Alerts)
        {
            text.Append("  • ").Append(alert.Outlet).Append(" (").Append(Relation(alert.Relation)).Append("): ")
                .Append(alert.ArticleTitle ?? "(untitled)").Append(" — ").AppendLine(alert.ArticleUrl);
        }

        text.Append("  Held for ").Append(digest.Reason).Append(" from ").Append(digest.PeriodStart.ToString("u", CultureInfo.InvariantCulture))
            .Append(" to ").Append(digest.PeriodEnd.ToString("u", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    public static string Relation(ReuseRelation relation) => relation switch
    {
        ReuseRelation.Copy => "verbatim copy",
        ReuseRelation.Rewrite => "rewrite",
        ReuseRelation.Spun => "spun copy",
        _ => "independent coverage",
    };

    public static MatchedPassage? StrongestPassage(SpreadAlert alert) => alert?.Passages.MaxBy(p => p.Similarity);

    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}
