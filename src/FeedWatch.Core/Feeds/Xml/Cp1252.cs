namespace FeedWatch.Core.Feeds.Xml;

/// <summary>The printable Windows-1252 characters at 0x80–0x9F, which feeds often write as C1 code points.</summary>
internal static class Cp1252
{
    private static readonly char[] High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    public static char Map(int codePoint) => codePoint is >= 0x80 and <= 0x9F ? High[codePoint - 0x80] : (char)codePoint;
}
