using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// Picks the element(s) holding the article. Each prose block scores its ancestors (more for the parent, less
/// further up), so the element gathering the most comma-rich, link-poor prose wins; scores are discounted by
/// link density. The winner then absorbs neighbours that score nearly as well or read as prose (the article is
/// often split by ads into sibling containers). This follows the candidate-scoring idea published by
/// Readability, with our own weights.
/// </summary>
public sealed class MainContentSelector(ExtractorTuning tuning)
{
    private const int MinScoredBlockLength = 25;
    private const int AncestorLevels = 5;
    private const int RepeatedTemplateLevels = 4;

    private readonly Dictionary<IElement, ElementStats> stats = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyDictionary<IElement, ElementStats> Stats => stats;

    public IReadOnlyList<IElement> Select(IReadOnlyList<TextBlock> blocks, IElement body)
    {
        Accumulate(blocks, body);
        var ranked = stats.Where(s => s.Value.IsCandidate).Select(s => (Element: s.Key, Score: s.Value.Score * (1 - s.Value.LinkDensity))).ToList();
        if (ranked.Count == 0)
        {
            return [body];
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        foreach (var (element, score) in ranked)
        {
            stats[element].Score = score;
        }

        var top = ranked[0].Element;
        top = PromoteToSharedAncestor(top, ranked);
        top = ClimbWhileParentScoresHigher(top, body);
        while (top != body && top.ParentElement is { } parent && parent != body && parent.ChildElementCount == 1)
        {
            top = parent;
        }

        return WithRepeatedSections(top, body) ?? WithSiblings(top, body);
    }

    /// <summary>
    /// Articles cut into sections by a template (one "section.chapter" per heading, one "div.post__content" per
    /// block of a page builder) put each part in an element of the same tag and class. When the winner, or one of
    /// its nearest ancestors, has siblings built from the same template that hold link-poor prose, the article is
    /// all of them (in document order).
    /// </summary>
    private List<IElement>? WithRepeatedSections(IElement top, IElement body)
    {
        var node = top;
        for (var level = 0; level < RepeatedTemplateLevels; level++)
        {
            if (node.ParentElement is not { } parent || node == body || parent == body)
            {
                return null;
            }

            var signature = node.GetAttribute("class");
            if (signature is { Length: > 0 })
            {
                List<IElement>? parts = null;
                foreach (var sibling in parent.Children)
                {
                    if (sibling != node && sibling.LocalName == node.LocalName && sibling.GetAttribute("class") == signature
                        && stats.TryGetValue(sibling, out var s) && s.IsCandidate && s.LinkDensity < tuning.MaxTemplateLinkDensity)
                    {
                        parts ??= [];
                        parts.Add(sibling);
                    }
                }

                if (parts is not null)
                {
                    var selected = new List<IElement>();
                    foreach (var child in parent.Children)
                    {
                        if (child == node || parts.Contains(child))
                        {
                            selected.Add(child);
                        }
                    }

                    return selected;
                }
            }

            node = parent;
        }

        return null;
    }

    private void Accumulate(IReadOnlyList<TextBlock> blocks, IElement body)
    {
        foreach (var block in blocks)
        {
            for (var element = block.Owner; element is not null; element = element.ParentElement)
            {
                var s = StatsOf(element);
                s.TextLength += block.TextLength;
                s.LinkLength += block.LinkLength;
                if (element == body)
                {
                    break;
                }
            }

            if (block.TextLength < MinScoredBlockLength || block.Kind is BlockKind.MainHeading or BlockKind.Heading or BlockKind.ListItem)
            {
                continue;
            }

            var contentScore = 1.0 + CountCommas(block.Text) + Math.Min(block.TextLength / 100, 3);
            var ancestor = block.Owner.ParentElement;
            for (var level = 0; level < AncestorLevels && ancestor is not null; level++, ancestor = ancestor.ParentElement)
            {
                var s = StatsOf(ancestor);
                if (!s.IsCandidate)
                {
                    s.IsCandidate = true;
                    s.Score += InitialScore(ancestor);
                }

                s.Score += level switch { 0 => contentScore, 1 => contentScore / 2, _ => contentScore / (level * 3) };
                if (ancestor == body)
                {
                    break;
                }
            }
        }
    }

    private ElementStats StatsOf(IElement element)
    {
        if (!stats.TryGetValue(element, out var s))
        {
            stats[element] = s = new ElementStats();
        }

        return s;
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return score + ClassNameSignals.Weight(ClassNameSignals.NamesOf(element));
    }

    private static int CountCommas(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (c is ',' or '，' or '、' or '،')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>When several near-best candidates sit under one ancestor of the winner, the article is that ancestor.</summary>
    private IElement PromoteToSharedAncestor(IElement top, List<(IElement Element, double Score)> ranked)
    {
        var topScore = ranked[0].Score;
        var alternatives = ranked.Skip(1).Take(4).Where(r => r.Score >= topScore * 0.75).Select(r => r.Element).ToList();
        if (alternatives.Count < 3)
        {
            return top;
        }

        for (var ancestor = top.ParentElement; ancestor is not null && ancestor.LocalName != "body"; ancestor = ancestor.ParentElement)
        {
            var contained = alternatives.Count(a => ancestor.Contains(a));
            if (contained >= 3)
            {
                return ancestor;
            }
        }

        return top;
    }

    private IElement ClimbWhileParentScoresHigher(IElement top, IElement body)
    {
        var lastScore = stats[top].Score;
        var threshold = lastScore / 3;
        for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            if (!stats.TryGetValue(parent, out var s) || !s.IsCandidate)
            {
                continue;
            }

            if (s.Score < threshold)
            {
                break;
            }

            if (s.Score > lastScore)
            {
                return parent;
            }

            lastScore = s.Score;
        }

        return top;
    }

    private List<IElement> WithSiblings(IElement top, IElement body)
    {
        if (top == body || top.ParentElement is not { } parent)
        {
            return [top];
        }

        var topStats = stats[top];
        var threshold = Math.Max(10, topStats.Score * tuning.SiblingShare);
        var topClass = top.GetAttribute("class");
        var selected = new List<IElement>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                selected.Add(sibling);
                continue;
            }

            if (!stats.TryGetValue(sibling, out var s) || s.TextLength == 0)
            {
                continue;
            }

            var bonus = topClass is { Length: > 0 } && sibling.GetAttribute("class") == topClass ? topStats.Score * 0.2 : 0;
            if (s.IsCandidate && s.Score + bonus >= threshold)
            {
                selected.Add(sibling);
            }
            else if (sibling.LocalName is "p")
            {
                var text = sibling.TextContent;
                if (s.TextLength > 80 && s.LinkDensity < 0.25)
                {
                    selected.Add(sibling);
                }
                else if (sibling.LocalName == "p" && s.TextLength > 0 && s.LinkDensity == 0 && (text.Contains(". ", StringComparison.Ordinal) || text.TrimEnd().EndsWith('.')))
                {
                    selected.Add(sibling);
                }
            }
        }

        return selected;
    }
}
