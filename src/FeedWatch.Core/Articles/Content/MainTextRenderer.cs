using System.Text;
using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// Writes the blocks inside the selected article elements as paragraphs separated by a blank line, leaving out
/// the headline and blocks that are mostly links (related-article lists, "read more" lines).
/// </summary>
public static class MainTextRenderer
{
    public static string Render(IReadOnlyList<TextBlock> blocks, IReadOnlyList<IElement> roots, IReadOnlyCollection<string> titleVariants, ExtractorTuning tuning)
    {
        var rootSet = new HashSet<IElement>(roots, ReferenceEqualityComparer.Instance);
        var insideCache = new Dictionary<IElement, bool>(ReferenceEqualityComparer.Instance);
        var titles = new HashSet<string>(titleVariants.Select(Normalize), StringComparer.OrdinalIgnoreCase);
        var builder = new StringBuilder();

        foreach (var block in blocks)
        {
            if (!IsInside(block.Owner, rootSet, insideCache) || !IsBodyText(block, titles, tuning))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            builder.Append(block.Text);
        }

        return builder.ToString();
    }

    private static bool IsBodyText(TextBlock block, HashSet<string> titles, ExtractorTuning tuning)
    {
        if (block.Kind == BlockKind.MainHeading)
        {
            return false;
        }

        if (block.LinkDensity > tuning.MaxBlockLinkDensity)
        {
            return false;
        }

        return block.TextLength > 200 || !titles.Contains(Normalize(block.Text));
    }

    private static string Normalize(string text) => TextNormalizer.CollapseWhitespace(text).Trim().TrimEnd('.', ' ');

    private static bool IsInside(IElement element, HashSet<IElement> roots, Dictionary<IElement, bool> cache)
    {
        if (cache.TryGetValue(element, out var known))
        {
            return known;
        }

        var inside = roots.Contains(element) || (element.ParentElement is { } parent && IsInside(parent, roots, cache));
        cache[element] = inside;
        return inside;
    }
}
