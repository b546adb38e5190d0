using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Expands the general entities a document declares in its own DOCTYPE internal subset
/// (<c>&lt;!DOCTYPE rss [ &lt;!ENTITY id "tag:example.com,"&gt; ]&gt;</c>, seen in hand-written RSS 0.91 feeds), so that
/// the strict reader can read the document as XML defines it.
/// Safe by construction: only internal literal values are used — an external entity (SYSTEM/PUBLIC) or a parameter
/// entity makes the whole subset refused and nothing is ever fetched; at most <see cref="MaxEntities"/> declarations,
/// references nested at most <see cref="MaxDepth"/> deep, recursion refused, and at most
/// <see cref="MaxExpandedCharacters"/> characters inserted in the whole document (a billion-laughs document is
/// refused long before it grows). A refused subset leaves the document as it was (entities unexpanded, as before).
/// </summary>
internal static class InternalEntityExpander
{
    public const int MaxEntities = 64;
    public const int MaxDepth = 4;
    public const int MaxExpandedCharacters = 1 << 20;

    /// <summary>
    /// The document with its internal subset removed and every reference to a declared entity replaced by the
    /// entity's replacement text; null when there is no internal subset with entity declarations, or when it is
    /// refused (the reason is added to <paramref name="problems"/>).
    /// </summary>
    public static string? Expand(string text, ProblemLog problems)
    {
        if (!text.Contains("<!ENTITY", StringComparison.Ordinal) || InternalSubset.FindSubset(text) is not { } subset)
        {
            return null;
        }

        var (open, close, end) = subset;

        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        if (InternalSubset.ReadDeclarations(text, open + 1, close, entities) is { } refusal)
        {
            problems.Add($"DOCTYPE entity declarations not expanded: {refusal}");
            return null;
        }

        if (entities.Count == 0)
        {
            return null;
        }

        var output = new StringBuilder(text.Length + 256);
        output.Append(text, 0, open).Append('>');
        var budget = new EntityExpansionBudget();
        if (CopyBody(text, end, entities, output, budget) is { } bodyRefusal)
        {
            problems.Add($"DOCTYPE entity declarations not expanded: {bodyRefusal}");
            return null;
        }

        return output.ToString();
    }

    /// <summary>Copies the document after the DOCTYPE, replacing references to declared entities outside comments, CDATA and PIs.</summary>
    private static string? CopyBody(string s, int i, Dictionary<string, string> entities, StringBuilder output, EntityExpansionBudget budget)
    {
        var copied = i;
        while (i < s.Length)
        {
            var next = s.IndexOfAny(['&', '<'], i);
            if (next < 0)
            {
                break;
            }

            i = next;
            if (s[i] == '<')
            {
                var skipTo = string.CompareOrdinal(s, i, "<!--", 0, 4) == 0 ? InternalSubset.IndexAfter(s, i + 4, "-->")
                    : string.CompareOrdinal(s, i, "<![CDATA[", 0, 9) == 0 ? InternalSubset.IndexAfter(s, i + 9, "]]>")
                    : string.CompareOrdinal(s, i, "<?", 0, 2) == 0 ? InternalSubset.IndexAfter(s, i + 2, "?>")
                    : i + 1;
                i = skipTo < 0 ? s.Length : skipTo;
                continue;
            }

            if (ReferenceName(s, i) is { } name && entities.ContainsKey(name))
            {
                output.Append(s, copied, i - copied);
                if (AppendReplacement(name, entities, output, budget, 1) is { } refusal)
                {
                    return refusal;
                }

                i += name.Length + 2;
                copied = i;
            }
            else
            {
                i++;
            }
        }

        output.Append(s, copied, s.Length - copied);
        return null;
    }

    private static string? AppendReplacement(string name, Dictionary<string, string> entities, StringBuilder output, EntityExpansionBudget budget, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"entity references nested more than {MaxDepth} deep";
        }

        if (budget.Open.Contains(name))
        {
            return $"entity '{name}' refers to itself";
        }

        budget.Open.Add(name);
        var value = entities[name];
        var copied = 0;
        for (var i = value.IndexOf('&', StringComparison.Ordinal); i >= 0; i = value.IndexOf('&', i))
        {
            if (ReferenceName(value, i) is { } inner && entities.ContainsKey(inner))
            {
                if (Append(value, copied, i - copied, output, budget) is { } r1)
                {
                    return r1;
                }

                if (AppendReplacement(inner, entities, output, budget, depth + 1) is { } r2)
                {
                    return r2;
                }

                i += inner.Length + 2;
                copied = i;
            }
            else
            {
                i++;
            }
        }

        budget.Open.Remove(name);
        return Append(value, copied, value.Length - copied, output, budget);
    }

    private static string? Append(string value, int start, int count, StringBuilder output, EntityExpansionBudget budget)
    {
        budget.Inserted += count;
        if (budget.Inserted > MaxExpandedCharacters)
        {
            return $"the expansion would insert more than {MaxExpandedCharacters:N0} characters";
        }

        output.Append(value, start, count);
        return null;
    }

    /// <summary>
    /// The name of a reference <c>&amp;name;</c> (or <c>%name;</c>) starting at <paramref name="amp"/>, or null — also
    /// for character references.
    /// </summary>
    internal static string? ReferenceName(string s, int amp)
    {
        var semicolon = s.IndexOf(';', amp + 1, Math.Min(s.Length - amp - 1, 256));
        if (semicolon < 0 || semicolon == amp + 1 || s[amp + 1] == '#')
        {
            return null;
        }

        var name = s.Substring(amp + 1, semicolon - amp - 1);
        return InternalSubset.IsName(name) ? name : null;
    }
}
