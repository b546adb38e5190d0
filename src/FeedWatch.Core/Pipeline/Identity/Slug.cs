using System.Globalization;
using System.Text;

namespace FeedWatch.Core.Pipeline.Identity;

/// <summary>Lower-case ASCII words joined by '-', for blob names a person can read.</summary>
public static class Slug
{
    public static string From(string? text, int maxLength = 60)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "untitled";
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        var pendingDash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // drop accents: "é" -> "e"
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(char.ToLowerInvariant(c));
                if (builder.Length >= maxLength)
                {
                    break;
                }
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "untitled" : slug;
    }
}
