namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// Class names repeat across a page (hundreds of "item", "col-md-4", "link"), so each distinct name string is run
/// through the name patterns once per page.
/// </summary>
public sealed class NameVerdictCache
{
    private readonly Dictionary<string, NameVerdict> verdicts = new(StringComparer.Ordinal);

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

        var verdict = NameVerdict.None;
        if (ClassNameSignals.IsBoilerplate(names))
        {
            verdict |= NameVerdict.Boilerplate;
        }

        if (ClassNameSignals.IsAlwaysBoilerplate(names))
        {
            verdict |= NameVerdict.AlwaysBoilerplate;
        }

        if (ClassNameSignals.IsArticleBody(names))
        {
            verdict |= NameVerdict.ArticleBody;
        }

        if (PaywallDetector.IsPaywallName(names))
        {
            verdict |= NameVerdict.Paywall;
        }

        verdicts[names] = verdict;
        return verdict;
    }
}
