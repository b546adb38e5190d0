using System.Globalization;
using System.Text;

namespace FeedWatch.Core.Tests.Feeds.Conformance;

/// <summary>Reads the Python literals on the right of feedparser's Expect clauses: strings, ints, tuples, None/True/False.</summary>
internal static class PythonLiteral
{
    public static bool TryParse(string src, out object? value)
    {
        var i = 0;
        var ok = TryRead(src.Trim(), ref i, out value);
        return ok && i == src.Trim().Length;
    }

    private static bool TryRead(string s, ref int i, out object? value)
    {
        value = null;
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (i >= s.Length)
        {
            return false;
        }

        if (s[i] is 'u' or 'b' && i + 1 < s.Length && s[i + 1] is '\'' or '"')
        {
            i++;
        }

        if (s[i] is '\'' or '"')
        {
            return TryString(s, ref i, out value);
        }

        if (s[i] == '(')
        {
            i++;
            var items = new List<object?>();
            while (i < s.Length && s[i] != ')')
            {
                if (!TryRead(s, ref i, out var item))
                {
                    return false;
                }

                items.Add(item);
                while (i < s.Length && s[i] is ' ' or ',')
                {
                    i++;
                }
            }

            i++;
            value = items;
            return true;
        }

        var start = i;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '-' or '.'))
        {
            i++;
        }

        var word = s[start..i];
        switch (word)
        {
            case "None": value = null; return true;
            case "True": value = true; return true;
            case "False": value = false; return true;
        }

        if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            value = n;
            return true;
        }

        return false;
    }

    private static bool TryString(string s, ref int i, out object? value)
    {
        var quote = s[i++];
        var sb = new StringBuilder();
        while (i < s.Length && s[i] != quote)
        {
            var c = s[i++];
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            var e = s[i++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case '0': sb.Append('\0'); break;
                case 'x': sb.Append((char)int.Parse(s.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 2; break;
                case 'u': sb.Append((char)int.Parse(s.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 4; break;
                case 'U': sb.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); i += 8; break;
                default: sb.Append(e); break;
            }
        }

        i++;
        value = sb.ToString();
        return true;
    }
}
