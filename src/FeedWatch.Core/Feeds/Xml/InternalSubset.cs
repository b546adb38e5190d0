using System.Globalization;
using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Reads a DOCTYPE's internal subset for <see cref="InternalEntityExpander"/>: where it is, and the general entities it
/// declares (internal literal values only; an external or parameter entity refuses the whole subset).
/// </summary>
internal static class InternalSubset
{
    /// <summary>Positions of the internal subset's '[' and ']' and the index after the DOCTYPE's closing '&gt;'.</summary>
    internal static (int Open, int Close, int End)? FindSubset(string s)
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
    internal static string? ReadDeclarations(string s, int i, int end, Dictionary<string, string> entities)
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
            if (entities.Count == InternalEntityExpander.MaxEntities)
            {
                return $"more than {InternalEntityExpander.MaxEntities} entity declarations";
            }

            entities[name] = value;
        }

        next = i + 1;
        return null;
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
            if (InternalEntityExpander.ReferenceName(value, i) is not null)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsPredefined(string name) => name is "lt" or "gt" or "amp" or "apos" or "quot";

    internal static bool IsName(string name)
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

    internal static int IndexAfter(string s, int from, string terminator)
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
