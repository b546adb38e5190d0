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

    private static NameVerdict Evaluate(ReadOnlySpan<char> name)
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
