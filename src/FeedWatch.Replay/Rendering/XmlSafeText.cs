using System.Text;
using System.Xml;

namespace FeedWatch.Replay.Rendering;

/// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates) that corpora sometimes hold.</summary>
internal static class XmlSafeText
{
    public static string Clean(string text)
    {
        if (text.AsSpan().IndexOfAnyExceptInRange('\u0020', '\uD7FF') < 0 && !text.Contains('\uFFFE') && !text.Contains('\uFFFF'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
