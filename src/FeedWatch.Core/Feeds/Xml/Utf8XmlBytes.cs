using System.Buffers;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>Byte classes and vectorised search sets of the UTF-8 tree reader.</summary>
internal static class Utf8XmlBytes
{
    /// <summary>What makes an attribute value need rewriting: a reference, or whitespace that becomes a space.</summary>
    public static readonly SearchValues<byte> AttributeSpecials = SearchValues.Create("&\t\n\r"u8);

    /// <summary>The characters XML allows in a public identifier (PubidChar).</summary>
    public static readonly SearchValues<byte> PublicIdCharacters =
        SearchValues.Create(" \r\nabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'()+,./:=?;!*#@$_%"u8);

    /// <summary>C0 controls XML 1.0 forbids anywhere in a document (everything below 0x20 but tab, LF and CR).</summary>
    public static readonly SearchValues<byte> ForbiddenControls = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    /// <summary>U+FFFE or U+FFFF (EF BF BE / EF BF BF in UTF-8) anywhere: not XML characters.</summary>
    public static bool HasNonCharacterFffeOrFfff(ReadOnlySpan<byte> data)
    {
        while (data.IndexOf((ReadOnlySpan<byte>)[0xEF, 0xBF]) is var at and >= 0)
        {
            if (at + 2 < data.Length && data[at + 2] is 0xBE or 0xBF)
            {
                return true;
            }

            data = data[(at + 2)..];
        }

        return false;
    }

    // 1 = may start a name, 2 = may continue one. ASCII only: any other byte makes the reader decline.
    private static ReadOnlySpan<byte> NameClass =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 3,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    ];

    /// <summary>A-Z, a-z or '_' (':' may start an XML name, but not a namespace-well-formed one).</summary>
    public static bool IsNameStart(byte b) => b < 128 && (NameClass[b] & 1) != 0;

    /// <summary>A-Z, a-z, 0-9, '_', '-', '.' or ':'.</summary>
    public static bool IsNameChar(byte b) => b < 128 && ((NameClass[b] & 2) != 0 || b == (byte)':');

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r';

    /// <summary>A code point XML 1.0 allows (Char production).</summary>
    public static bool IsXmlChar(long c) =>
        c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
}
