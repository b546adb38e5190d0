using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FeedWatch.Core.Articles.Metadata;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// Recognises pages that show only the start of an article: the publisher's own schema.org flag
/// (isAccessibleForFree = false), paywall / subscriber-only containers, AMP subscription sections, and the
/// "subscribe to continue reading" notices placed where the text stops.
/// </summary>
public static partial class PaywallDetector
{
    public static bool IsPartial(IDocument document, ArticleMetadata metadata, string text)
    {
        if (metadata.JsonLd?.NotAccessibleForFree == true)
        {
            return true;
        }

        if (document.QuerySelector("[subscriptions-section=content], amp-subscriptions, [class*=paywall], [id*=paywall], [class*=subscriber-only], [class*=premium-content], [class*=regwall], [data-paywall]") is not null)
        {
            return true;
        }

        var body = document.Body?.TextContent;
        return body is not null && StopNotice().IsMatch(body) && text.Length < 3000;
    }

    [GeneratedRegex(@"(subscribe|sign in|log in|register|become a member)\s+(now\s+)?to (continue|keep) reading|this (article|story|content) is (only )?(available|reserved|exclusive) (to|for) (subscribers|members)|to read the full (article|story)|you have reached (your|the) (limit|maximum) of free articles|already a subscriber\?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StopNotice();
}
