using System.Text;
using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// One walk over the body that drops what is never article text (scripts, navigation, forms, hidden elements,
/// parts named like comments, share bars or ads) and cuts the rest into <see cref="TextBlock"/>s in reading order.
/// The walk is bounded in depth and element count so hostile markup cannot exhaust the stack or the clock.
/// <c>relaxed</c> is the second pass for pages where the first found (almost) nothing: see <see cref="BoilerplateRules"/>.
/// </summary>
public sealed class TextBlockCollector(ArticleExtractorOptions options, bool relaxed = false)
{
    private readonly List<TextBlock> blocks = [];
    private readonly NameVerdictCache names = new();
    private readonly StringBuilder text = new();
    private bool pendingSpace;
    private int textLength;
    private int linkLength;
    private int linkNesting;
    private int visited;

    /// <summary>True when the element budget ran out before the end of the page.</summary>
    public bool WasCapped { get; private set; }

    /// <summary>True when an element named or marked as a paywall / subscriber-only section was seen.</summary>
    public bool SawPaywallMarker { get; private set; }

    public List<TextBlock> Collect(IElement body)
    {
        Walk(body, body, 0);
        Flush(body);
        return blocks;
    }

    private void Walk(IElement element, IElement owner, int depth)
    {
        // Indexing the child list, not NextSibling: AngleSharp finds a node's next sibling by searching the
        // parent's child list, so following NextSibling across a flat page of 100,000 spans is quadratic.
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText textNode)
            {
                AppendText(textNode.Data);
                continue;
            }

            if (child is not IElement childElement)
            {
                continue;
            }

            if (++visited > options.MaxElements || depth >= options.MaxDepth)
            {
                WasCapped = true;
                continue;
            }

            var name = childElement.LocalName;
            if (name == "br")
            {
                Flush(owner);
                continue;
            }

            var facts = ElementFacts.Read(childElement);
            var verdict = names.Of(facts.Names);
            if ((verdict & NameVerdict.Paywall) != 0 || facts.PaywallAttribute || name == "amp-subscriptions")
            {
                SawPaywallMarker = true;
            }

            if (BoilerplateRules.IsExcluded(childElement, name, facts, verdict, names, relaxed))
            {
                continue;
            }

            if (HtmlElementKinds.IsBlock(name))
            {
                Flush(owner);
                Walk(childElement, childElement, depth + 1);
                Flush(childElement);
            }
            else if (name == "a")
            {
                linkNesting++;
                Walk(childElement, owner, depth + 1);
                linkNesting--;
            }
            else
            {
                Walk(childElement, owner, depth + 1);
            }
        }
    }

    /// <summary>
    /// Appends text with whitespace runs already collapsed to one space (none at the start of a block, none left
    /// pending at its end), so a block's text is built once instead of copied and collapsed at the flush.
    /// </summary>
    private void AppendText(string data)
    {
        var visible = 0;
        var runStart = -1;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace)
            {
                visible++;
            }

            if (isSpace || c == '\u200B')
            {
                if (runStart >= 0)
                {
                    text.Append(data, runStart, i - runStart);
                    runStart = -1;
                }

                pendingSpace = text.Length > 0;
                continue;
            }

            if (runStart < 0)
            {
                if (pendingSpace)
                {
                    text.Append(' ');
                    pendingSpace = false;
                }

                runStart = i;
            }
        }

        if (runStart >= 0)
        {
            text.Append(data, runStart, data.Length - runStart);
        }

        textLength += visible;
        if (linkNesting > 0)
        {
            linkLength += visible;
        }
    }

    private void Flush(IElement owner)
    {
        if (textLength > 0)
        {
            blocks.Add(new TextBlock(owner, text.ToString(), textLength, linkLength, HtmlElementKinds.KindOf(owner.LocalName)));
        }

        text.Clear();
        pendingSpace = false;
        textLength = 0;
        linkLength = 0;
    }
}
