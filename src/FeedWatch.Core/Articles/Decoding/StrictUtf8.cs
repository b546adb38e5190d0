using System.Text;

namespace FeedWatch.Core.Articles.Decoding;

/// <summary>UTF-8 without a BOM preamble that replaces invalid sequences with U+FFFD instead of throwing.</summary>
internal static class StrictUtf8
{
    public static readonly Encoding Instance = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
}
