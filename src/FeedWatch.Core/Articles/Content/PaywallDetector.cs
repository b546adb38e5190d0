using System.Text.RegularExpressions;
using FeedWatch.Core.Articles.Metadata;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// Recognises pages that show only the start of an article: the publisher's own schema.org flag
/// (isAccessibleForFree = false), paywall / subscriber-only containers, AMP subscription sections, and the
/// "subscribe to continue reading" notices placed where the text stops.
/// </summary>
public static partial class PaywallDetector
{
    public static bool IsPartial(ArticleMetadata metadata, IReadOnlyList<TextBlock> allBlocks, bool sawPaywallMarker)
    {
        if (metadata.JsonLd?.NotAccessibleForFree == true || sawPaywallMarker)
        {
            return true;
        }

        foreach (var block in allBlocks)
        {
            if (block.Text.Length < 400 && StopNotice().IsMatch(block.Text))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsPaywallName(string names) => names.Length > 0 && Marker().IsMatch(names);

    public static bool IsPaywallName(ReadOnlySpan<char> name) => Marker().IsMatch(name);

    [GeneratedRegex(@"paywall|pay-wall|subscriber-?only|subscribers-?only|premium-?(content|article|wall)|regwall|reg-wall|metered-?content|piano-?(offer|paywall)|article-?locked|locked-?content", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"(subscribe|sign in|log in|register|become a (member|subscriber))\s+(now\s+)?to (continue|keep) reading|this (article|story|content) is (only )?(available|reserved|exclusive) (to|for) (paying )?(subscribers|members)|to read the full (article|story)|you have reached (your|the) (limit|maximum) of free articles|(subscribe|subscription) (required|needed) to read|already a subscriber\?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StopNotice();
}
