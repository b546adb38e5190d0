using System.Text;

namespace FeedWatch.Core.Articles;

/// <summary>Whitespace handling shared by metadata and body text.</summary>
public static class TextNormalizer
{
    /// <summary>Runs of whitespace (including non-breaking spaces) become one space; ends trimmed.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
