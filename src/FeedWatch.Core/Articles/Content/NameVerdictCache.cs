using System.Buffers;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// Class names repeat across a page (hundreds of "item", "col-md-4", "link"), so each distinct name string is run
/// through the name patterns once per page.
/// </summary>
public sealed class NameVerdictCache
{
    private readonly Dictionary<string, NameVerdict> verdicts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NameVerdict> nameVerdicts = new(StringComparer.Ordinal);

    public NameVerdict Of(string names)
    {
        if (names.Length == 0)
        {
            return NameVerdict.None;
        }

        if (verdicts.TryGetValue(names, out var known))
        {
            return known;
        }

        // A class list's verdict is the union of its names' verdicts (each pattern matches within one name),
        // plus the one whole-list rule; names repeat across lists, so most are answered from the cache.
        var verdict = ClassNameSignals.IsArticleBodyAlone(names) ? NameVerdict.ArticleBody : NameVerdict.None;
        var span = names.AsSpan();
        var lookup = nameVerdicts.GetAlternateLookup<ReadOnlySpan<char>>();
        var start = 0;
        while (start < span.Length)
        {
            while (start < span.Length && char.IsWhiteSpace(span[start]))
            {
                start++;
            }

            var end = start;
            while (end < span.Length && !char.IsWhiteSpace(span[end]))
            {
                end++;
            }

            if (end > start)
            {
                var name = span[start..end];
                if (!lookup.TryGetValue(name, out var nameVerdict))
                {
                    nameVerdict = Evaluate(name);
                    lookup[name] = nameVerdict;
                }

                verdict |= nameVerdict;
            }

            start = end;
        }

        verdicts[names] = verdict;
        return verdict;
    }

    /// <summary>
    /// Every alternative of the name patterns (<see cref="ClassNameSignals"/>, <see cref="PaywallDetector"/>) contains
    /// one of these words, so a name holding none of them matches no pattern. Most names ("row", "col-md-4",
    /// "wrapper") hold none: one vectorised search answers them without running four regular expressions.
    /// </summary>
    private static readonly SearchValues<string> PatternWords = SearchValues.Create(
    [
        // boilerplate
        "shar", "social", "related", "recommend", "sign", "subscri", "promo", "sponsor", "ad", "dfp", "banner", "sidebar",
        "widget", "popup", "modal", "masthead", "menu", "nav", "pag", "footer", "tag", "most", "trending", "toolbar",
        "caption", "credit", "byline", "author", "skip", "sr-only", "visually", "screen", "print-only", "overlay", "rating",
        "more", "read", "next", "jump", "teaser", "card-list", "links", "newsletter", "cookie", "consent", "gdpr", "breadcrumb",
        // always boilerplate
        "comment", "disqus", "taboola", "outbrain",
        // article body
        "body", "content", "text",
        // paywall
        "paywall", "pay-wall", "premium", "regwall", "reg-wall", "metered", "piano", "locked",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="name"/> may match a name pattern (holds one of their words).</summary>
    internal static bool MayMatch(ReadOnlySpan<char> name) => name.IndexOfAny(PatternWords) >= 0;

    internal static NameVerdict Evaluate(ReadOnlySpan<char> name)
    {
        if (!MayMatch(name))
        {
            return NameVerdict.None;
        }

        return EvaluatePatterns(name);
    }

    /// <summary>The patterns themselves, without the word pre-check (tests compare the two).</summary>
    internal static NameVerdict EvaluatePatterns(ReadOnlySpan<char> name)
    {
        var verdict = NameVerdict.None;
        if (ClassNameSignals.IsBoilerplateName(name))
        {
            verdict |= NameVerdict.Boilerplate;
        }

        if (ClassNameSignals.IsAlwaysBoilerplateName(name))
        {
            verdict |= NameVerdict.AlwaysBoilerplate;
        }

        if (ClassNameSignals.IsArticleBodyName(name))
        {
            verdict |= NameVerdict.ArticleBody;
        }

        if (PaywallDetector.IsPaywallName(name))
        {
            verdict |= NameVerdict.Paywall;
        }

        return verdict;
    }
}
