using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// Decides, element by element, what is removed before any scoring: non-content tags, hidden elements, ARIA
/// landmarks that are not the article (navigation, banner, footer, complementary) and parts whose class or id
/// names them as boilerplate, unless the name says article body or the element plainly holds the prose.
/// </summary>
public static class BoilerplateRules
{
    private static readonly HashSet<string> ExcludedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alertdialog", "search",
        "toolbar", "tablist", "form", "button", "tooltip",
    };

    /// <remarks>
    /// In <paramref name="relaxed"/> mode (the second pass, run when the first found almost no text) no rule may
    /// take prose with it: class names no longer remove anything (scoring still weighs them), and landmark tags and
    /// roles (nav, aside, footer …) go only when they do not plainly hold the prose; the <c>hidden</c> and
    /// <c>aria-hidden</c> attributes are ignored (pages that stream their body into a hidden element and reveal it
    /// by script). Code, media, form controls, inline <c>display:none</c> and comment threads stay excluded.
    /// </remarks>
    public static bool IsExcluded(IElement element, string name, in ElementFacts facts, NameVerdict verdict, NameVerdictCache names, bool relaxed = false)
    {
        if (relaxed)
        {
            return IsExcludedRelaxed(element, name, facts, verdict, names);
        }

        if (HtmlElementKinds.IsNonContent(name))
        {
            return true;
        }

        if (facts.Hidden || facts.AriaHidden || IsHiddenByStyle(facts.Style))
        {
            return true;
        }

        if (facts.Role is { } role && ExcludedRoles.Contains(role.Trim()))
        {
            return true;
        }

        var isArticleBody = (verdict & NameVerdict.ArticleBody) != 0;
        if (isArticleBody)
        {
            return false;
        }

        if ((verdict & NameVerdict.AlwaysBoilerplate) != 0)
        {
            return true;
        }

        // Page headers hold logos and menus; whole-page forms (ASP.NET) wrap the article while small ones are
        // search boxes and sign-ups; and boilerplate-named parts go, unless any of them plainly holds the prose.
        if (name is "header" or "form" || (verdict & NameVerdict.Boilerplate) != 0)
        {
            return !HoldsProse(element, names);
        }

        return false;
    }

    private static bool IsExcludedRelaxed(IElement element, string name, in ElementFacts facts, NameVerdict verdict, NameVerdictCache names)
    {
        if (HtmlElementKinds.IsNonContent(name))
        {
            return !HtmlElementKinds.IsLandmark(name) || !HoldsProse(element, names);
        }

        if (IsHiddenByStyle(facts.Style) || ((verdict & NameVerdict.AlwaysBoilerplate) != 0 && (verdict & NameVerdict.ArticleBody) == 0))
        {
            return true;
        }

        return facts.Role is { } role && ExcludedRoles.Contains(role.Trim()) && !HoldsProse(element, names);
    }

    private static bool IsHiddenByStyle(string? style)
    {
        if (style is null || style.Length < 12)
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Badly named wrappers ("social-container", "body_overlay", "widget Blog" around the whole story) must not take
    /// the article with them: an element that holds an element named as the article body, or several paragraphs
    /// of prose, is kept whatever its own name says. The search is bounded so a page-wide wrapper costs little.
    /// </summary>
    private static bool HoldsProse(IElement element, NameVerdictCache nameVerdicts)
    {
        var proseParagraphs = 0;
        var examined = 0;
        return Search(element, 0);

        bool Search(IElement parent, int depth)
        {
            var children = parent.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is not IElement child)
                {
                    continue;
                }

                if (++examined > 3000)
                {
                    return false;
                }

                if (child.LocalName == "p")
                {
                    if (TextLength(child, 0, 120) > 120 && ++proseParagraphs >= 3)
                    {
                        return true;
                    }

                    continue;
                }

                if ((nameVerdicts.Of(ClassNameSignals.NamesOf(child)) & NameVerdict.ArticleBody) != 0)
                {
                    return true;
                }

                if (depth < 40 && child.ChildNodes.Length > 0 && Search(child, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Characters of text below <paramref name="node"/>, counting stops once <paramref name="enough"/> is reached.</summary>
    private static int TextLength(INode node, int depth, int enough)
    {
        var total = 0;
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length && total <= enough; i++)
        {
            var child = children[i];
            if (child is IText text)
            {
                total += text.Data.Length;
            }
            else if (child is IElement && depth < 32)
            {
                total += TextLength(child, depth + 1, enough - total);
            }
        }

        return total;
    }
}
