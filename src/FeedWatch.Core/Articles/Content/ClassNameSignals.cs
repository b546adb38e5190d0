using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// What class and id names say about an element. Site templates name their parts consistently ("share-bar",
/// "related-stories", "article-body"), which makes these names one of the strongest boilerplate signals
/// across sites (the insight behind Readability's candidate filters).
/// </summary>
public static partial class ClassNameSignals
{
    /// <summary>Class, id and itemprop joined: itemprop="articleBody" names the body as clearly as a class does.</summary>
    public static string NamesOf(IElement element) => ElementFacts.Read(element).Names;

    /// <summary>Names of parts that are never the article: comments, sharing, related lists, ads, navigation …</summary>
    public static bool IsBoilerplate(string names) => names.Length > 0 && Boilerplate().IsMatch(names);

    /// <summary>Names of parts that are never the article, however much text they hold (comment threads).</summary>
    public static bool IsAlwaysBoilerplate(string names) => names.Length > 0 && AlwaysBoilerplate().IsMatch(names);

    /// <summary>Names of the article's own body; these protect an element from the boilerplate rule.</summary>
    public static bool IsArticleBody(string names) => names.Length > 0 && ArticleBody().IsMatch(names);

    /// <summary>
    /// The same questions for one whitespace-separated name: every pattern above matches within a single name, so
    /// the answer for a class list is the union of its names' answers (plus <see cref="IsArticleBodyAlone"/>).
    /// Names repeat far more than whole class lists, which lets a page ask the patterns much less often.
    /// </summary>
    public static bool IsBoilerplateName(ReadOnlySpan<char> name) => Boilerplate().IsMatch(name);

    public static bool IsAlwaysBoilerplateName(ReadOnlySpan<char> name) => AlwaysBoilerplate().IsMatch(name);

    public static bool IsArticleBodyName(ReadOnlySpan<char> name) => ArticleBodyName().IsMatch(name);

    /// <summary>The part of the article-body pattern that looks at the whole list: a lone "article", "content", "main" …</summary>
    public static bool IsArticleBodyAlone(string names) => names.Trim() is var alone && LoneBodyWords.Contains(alone);

    private static readonly HashSet<string> LoneBodyWords = new(StringComparer.OrdinalIgnoreCase) { "article", "content", "main", "story", "entry" };

    /// <summary>Weight for scoring: +25 for names that mean content, −25 for names that mean boilerplate.</summary>
    public static int Weight(string names)
    {
        if (names.Length == 0)
        {
            return 0;
        }

        var weight = 0;
        if (NegativeWeight().IsMatch(names))
        {
            weight -= 25;
        }

        if (PositiveWeight().IsMatch(names))
        {
            weight += 25;
        }

        return weight;
    }

    [GeneratedRegex(@"share|sharing|social|related|recommend|signup|sign-up|subscribe|promo|sponsor|advert|(^|[\s_-])ads?([\s_-]|$)|adslot|ad-slot|ad-container|dfp|banner|sidebar|widget|popup|modal|masthead|(^|[\s_-])menu|navbar|(^|[\s_-])nav([\s_-]|$)|navigation|pagination|pager|footer|(^|\s)(post-|entry-|article-)?tags(\s|$)|tag-?(list|cloud)|most-?popular|most-?read|trending|toolbar|caption|credit|byline|author-?bio|skip-?link|sr-only|visually-?hidden|screen-?reader|print-only|overlay|rating|more-?stories|read-?more|read-?next|up-?next|jump-?link|teaser|card-list|in-?article-?links|inline-?links|newsletter|cookie|consent|gdpr|breadcrumb", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"comment|disqus|taboola|outbrain", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlwaysBoilerplate();

    [GeneratedRegex(@"(article|story|entry|post|content|main)[-_]?(body|content|text)|articlebody|storybody|article__body|story__body|main-?content|post-?content|body-?text|article-?text|story-?text|^\s*(article|content|main|story|entry)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleBody();

    // ArticleBody without its whole-list alternative (^\s*(article|…)\s*$), for single names.
    [GeneratedRegex(@"(article|story|entry|post|content|main)[-_]?(body|content|text)|articlebody|storybody|article__body|story__body|main-?content|post-?content|body-?text|article-?text|story-?text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticleBodyName();

    [GeneratedRegex(@"comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author|social|subscribe|newsletter|recommend", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeWeight();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PositiveWeight();
}
