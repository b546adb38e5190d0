using System.Globalization;
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
        if (!text.Contains("<!ENTITY", StringComparison.Ordinal) || FindSubset(text) is not { } subset)
        {
            return null;
        }

        var (open, close, end) = subset;

        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ReadDeclarations(text, open + 1, close, entities) is { } refusal)
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

    /// <summary>Positions of the internal subset's '[' and ']' and the index after the DOCTYPE's closing '&gt;'.</summary>
    private static (int Open, int Close, int End)? FindSubset(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]) || s[i] == '\uFEFF')
            {
                i++;
            }
            else if (string.CompareOrdinal(s, i, "<?", 0, 2) == 0)
            {
                i = IndexAfter(s, i + 2, "?>");
            }
            else if (string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
            {
                i = IndexAfter(s, i + 4, "-->");
            }
            else if (string.CompareOrdinal(s, i, "<!DOCTYPE", 0, 9) == 0)
            {
                break;
            }
            else
            {
                return null;
            }

            if (i < 0)
            {
                return null;
            }
        }

        // Inside <!DOCTYPE name ExternalID? [ … ]>: quoted literals may hold '[' or '>'.
        for (var j = i + 9; j < s.Length; j++)
        {
            var c = s[j];
            if (c is '"' or '\'')
            {
                j = s.IndexOf(c, j + 1);
                if (j < 0)
                {
                    return null;
                }
            }
            else if (c == '>')
            {
                return null;
            }
            else if (c == '[')
            {
                var close = SubsetEnd(s, j + 1);
                if (close < 0)
                {
                    return null;
                }

                var gt = close + 1;
                while (gt < s.Length && char.IsWhiteSpace(s[gt]))
                {
                    gt++;
                }

                return gt < s.Length && s[gt] == '>' ? (j, close, gt + 1) : null;
            }
        }

        return null;
    }

    /// <summary>The index of the ']' that closes the internal subset (skipping literals, comments and PIs), or -1.</summary>
    private static int SubsetEnd(string s, int i)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '"' or '\'')
            {
                i = s.IndexOf(c, i + 1);
                if (i < 0)
                {
                    return -1;
                }

                i++;
            }
            else if (string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
            {
                i = IndexAfter(s, i + 4, "-->");
                if (i < 0)
                {
                    return -1;
                }
            }
            else if (c == ']')
            {
                return i;
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>Reads the declarations in s[start..end); returns why the subset is refused, or null.</summary>
    private static string? ReadDeclarations(string s, int i, int end, Dictionary<string, string> entities)
    {
        while (true)
        {
            while (i < end && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i >= end)
            {
                return null;
            }

            if (string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
            {
                i = IndexAfter(s, i + 4, "-->");
            }
            else if (string.CompareOrdinal(s, i, "<?", 0, 2) == 0)
            {
                i = IndexAfter(s, i + 2, "?>");
            }
            else if (string.CompareOrdinal(s, i, "<!ENTITY", 0, 8) == 0)
            {
                if (ReadEntity(s, i + 8, end, entities, out i) is { } refusal)
                {
                    return refusal;
                }
            }
            else if (string.CompareOrdinal(s, i, "<!ELEMENT", 0, 9) == 0 || string.CompareOrdinal(s, i, "<!ATTLIST", 0, 9) == 0
                || string.CompareOrdinal(s, i, "<!NOTATION", 0, 10) == 0)
            {
                i = DeclarationEnd(s, i + 2, end);
            }
            else if (s[i] == '%')
            {
                return "a parameter entity reference in the internal subset";
            }
            else
            {
                return $"unexpected markup in the internal subset at offset {i}";
            }

            if (i < 0 || i > end)
            {
                return "an unterminated declaration in the internal subset";
            }
        }
    }

    private static string? ReadEntity(string s, int i, int end, Dictionary<string, string> entities, out int next)
    {
        next = -1;
        i = SkipSpace(s, i, end);
        if (i < end && s[i] == '%')
        {
            return "a parameter entity declaration";
        }

        var nameStart = i;
        while (i < end && !char.IsWhiteSpace(s[i]) && s[i] is not ('"' or '\'' or '>'))
        {
            i++;
        }

        var name = s[nameStart..i];
        if (name.Length == 0 || !IsName(name))
        {
            return "an entity declaration without a valid name";
        }

        i = SkipSpace(s, i, end);
        if (i >= end || s[i] is not ('"' or '\''))
        {
            return $"entity '{name}' is external (SYSTEM/PUBLIC); external entities are never fetched";
        }

        var quote = s[i];
        var valueEnd = s.IndexOf(quote, i + 1, end - i - 1);
        if (valueEnd < 0)
        {
            return $"entity '{name}' has an unterminated value";
        }

        var value = ExpandCharacterReferences(s.AsSpan(i + 1, valueEnd - i - 1));
        if (value is null)
        {
            return $"entity '{name}' has an invalid character reference";
        }

        if (value.Contains('%', StringComparison.Ordinal) && HasParameterReference(value))
        {
            return $"entity '{name}' uses a parameter entity reference";
        }

        i = SkipSpace(s, valueEnd + 1, end);
        if (i >= end || s[i] != '>')
        {
            return $"entity '{name}' is not closed by '>'";
        }

        // The first declaration of a name binds (XML 1.0 §4.2); the predefined five cannot be redefined usefully.
        if (!entities.ContainsKey(name) && !IsPredefined(name))
        {
            if (entities.Count == MaxEntities)
            {
                return $"more than {MaxEntities} entity declarations";
            }

            entities[name] = value;
        }

        next = i + 1;
        return null;
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
                var skipTo = string.CompareOrdinal(s, i, "<!--", 0, 4) == 0 ? IndexAfter(s, i + 4, "-->")
                    : string.CompareOrdinal(s, i, "<![CDATA[", 0, 9) == 0 ? IndexAfter(s, i + 9, "]]>")
                    : string.CompareOrdinal(s, i, "<?", 0, 2) == 0 ? IndexAfter(s, i + 2, "?>")
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
    private static string? ReferenceName(string s, int amp)
    {
        var semicolon = s.IndexOf(';', amp + 1, Math.Min(s.Length - amp - 1, 256));
        if (semicolon < 0 || semicolon == amp + 1 || s[amp + 1] == '#')
        {
            return null;
        }

        var name = s.Substring(amp + 1, semicolon - amp - 1);
        return IsName(name) ? name : null;
    }

    private static string? ExpandCharacterReferences(ReadOnlySpan<char> literal)
    {
        if (!literal.Contains("&#", StringComparison.Ordinal))
        {
            return literal.ToString();
        }

        var sb = new StringBuilder(literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            if (literal[i] == '&' && i + 1 < literal.Length && literal[i + 1] == '#')
            {
                var semicolon = literal[i..].IndexOf(';');
                if (semicolon < 0)
                {
                    return null;
                }

                var digits = literal.Slice(i + 2, semicolon - 2);
                var hex = digits.Length > 0 && digits[0] is 'x';
                if (!int.TryParse(hex ? digits[1..] : digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                    || code is <= 0 or > 0x10FFFF || (code is >= 0xD800 and <= 0xDFFF))
                {
                    return null;
                }

                sb.Append(char.ConvertFromUtf32(code));
                i += semicolon;
            }
            else
            {
                sb.Append(literal[i]);
            }
        }

        return sb.ToString();
    }

    private static bool HasParameterReference(string value)
    {
        for (var i = value.IndexOf('%', StringComparison.Ordinal); i >= 0; i = value.IndexOf('%', i + 1))
        {
            if (ReferenceName(value, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPredefined(string name) => name is "lt" or "gt" or "amp" or "apos" or "quot";

    private static bool IsName(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] is '_' or ':'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or ':' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipSpace(string s, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static int IndexAfter(string s, int from, string terminator)
    {
        var at = s.IndexOf(terminator, from, StringComparison.Ordinal);
        return at < 0 ? -1 : at + terminator.Length;
    }

    /// <summary>The end ('&gt;' + 1) of a markup declaration, skipping quoted literals; -1 when unterminated.</summary>
    private static int DeclarationEnd(string s, int i, int end)
    {
        for (; i < end; i++)
        {
            if (s[i] is '"' or '\'')
            {
                i = s.IndexOf(s[i], i + 1, end - i - 1);
                if (i < 0)
                {
                    return -1;
                }
            }
            else if (s[i] == '>')
            {
                return i + 1;
            }
        }

        return -1;
    }
}
