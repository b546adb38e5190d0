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

    public static bool IsExcluded(IElement element, string name)
    {
        if (HtmlElementKinds.IsNonContent(name))
        {
            return true;
        }

        if (element.HasAttribute("hidden") || IsHiddenByStyle(element))
        {
            return true;
        }

        var role = element.GetAttribute("role");
        if (role is not null && ExcludedRoles.Contains(role.Trim()))
        {
            return true;
        }

        if (element.GetAttribute("aria-hidden") is "true")
        {
            return true;
        }

        var names = ClassNameSignals.NamesOf(element);
        if (name == "header" && !ClassNameSignals.IsArticleBody(names))
        {
            return !HoldsProse(element);
        }

        if (name == "form")
        {
            // Whole-page forms (ASP.NET) wrap the article; small ones are search boxes and sign-ups.
            return !HoldsProse(element);
        }

        if (ClassNameSignals.IsBoilerplate(names) && !ClassNameSignals.IsArticleBody(names))
        {
            return !HoldsProse(element);
        }

        return false;
    }

    private static bool IsHiddenByStyle(IElement element)
    {
        var style = element.GetAttribute("style");
        if (style is null || style.Length < 12)
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Badly named wrappers ("social-container" around the whole story) must not take the article with them: an
    /// element holding several long paragraphs is prose, whatever its class says.
    /// </summary>
    private static bool HoldsProse(IElement element)
    {
        var longParagraphs = 0;
        foreach (var paragraph in element.GetElementsByTagName("p"))
        {
            if (paragraph.TextContent.Length > 200 && ++longParagraphs >= 4)
            {
                return true;
            }
        }

        return false;
    }
}
