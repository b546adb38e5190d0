using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Metadata;

/// <summary>
/// The elements metadata is read from (meta, link, JSON-LD scripts, time, the first h1, base, author markup),
/// gathered in one bounded walk instead of one whole-document query per field.
/// </summary>
public sealed class DocumentIndex
{
    public List<IElement> Metas { get; } = [];
    public List<IElement> Links { get; } = [];
    public List<IElement> JsonLdScripts { get; } = [];
    public List<IElement> Times { get; } = [];
    public List<IElement> AuthorElements { get; } = [];
    public IElement? FirstH1 { get; private set; }
    public IElement? Base { get; private set; }
    public IElement? TitleElement { get; private set; }

    public DocumentIndex(IDocument document, int maxDepth)
    {
        if (document.DocumentElement is { } root)
        {
            Walk(root, 0, maxDepth);
        }
    }

    private void Walk(IElement element, int depth, int maxDepth)
    {
        // Indexing the child list: AngleSharp's NextElementSibling searches the parent's list, quadratic on flat pages.
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is not IElement child)
            {
                continue;
            }

            switch (child.LocalName)
            {
                case "meta":
                    Metas.Add(child);
                    break;
                case "link":
                    Links.Add(child);
                    break;
                case "script":
                    if (child.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                    {
                        JsonLdScripts.Add(child);
                    }

                    break;
                case "time":
                    Times.Add(child);
                    break;
                case "h1":
                    FirstH1 ??= child;
                    break;
                case "base":
                    Base ??= child;
                    break;
                case "title":
                    TitleElement ??= child;
                    break;
            }

            if (AuthorElements.Count < 8 && IsAuthorMarkup(child))
            {
                AuthorElements.Add(child);
            }

            if (depth < maxDepth && child.ChildNodes.Length > 0)
            {
                Walk(child, depth + 1, maxDepth);
            }
        }
    }

    private static bool IsAuthorMarkup(IElement element)
    {
        var rel = element.GetAttribute("rel");
        if (rel is not null && rel.Contains("author", StringComparison.OrdinalIgnoreCase) && element.LocalName == "a")
        {
            return true;
        }

        var itemprop = element.GetAttribute("itemprop");
        return itemprop is not null && itemprop.Contains("author", StringComparison.OrdinalIgnoreCase) && element.LocalName != "meta";
    }
}
