using System.Text;

namespace FeedWatch.Core.Articles.Decoding;

/// <summary>
/// Guesses the encoding of undeclared bytes. Valid multi-byte UTF-8 is almost never produced by accident, so bytes
/// that validate as UTF-8 are UTF-8; otherwise the high bytes are weighed to tell Cyrillic (windows-1251) from
/// Western European (windows-1252), the two legacy code pages undeclared news pages use most.
/// </summary>
public static class CharsetDetector
{
    public static Encoding Detect(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return StrictUtf8.Instance;
        }

        // Cut at a possibly split trailing sequence: a page truncated mid-character is still UTF-8.
        var trimmed = bytes.Length > 4 ? bytes[..^4] : bytes;
        if (System.Text.Unicode.Utf8.IsValid(trimmed))
        {
            return StrictUtf8.Instance;
        }

        return LooksCyrillic(bytes) ? EncodingLabels.Resolve("windows-1251")! : EncodingLabels.Resolve("windows-1252")!;
    }

    /// <summary>
    /// In windows-1251 Cyrillic letters fill 0xC0–0xFF and runs of them form words; in windows-1252 those bytes are
    /// accented Latin letters that appear singly between ASCII letters.
    /// </summary>
    private static bool LooksCyrillic(ReadOnlySpan<byte> bytes)
    {
        int highLetters = 0, highRuns = 0;
        var previousHigh = false;
        foreach (var b in bytes)
        {
            var isHigh = b >= 0xC0;
            if (isHigh)
            {
                highLetters++;
                if (previousHigh)
                {
                    highRuns++;
                }
            }

            previousHigh = isHigh;
        }

        return highLetters > 20 && highRuns * 2 > highLetters;
    }
}
