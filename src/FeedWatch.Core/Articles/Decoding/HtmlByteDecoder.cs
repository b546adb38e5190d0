using System.Text;

namespace FeedWatch.Core.Articles.Decoding;

/// <summary>
/// Turns page bytes into text, choosing the encoding in the order browsers trust the signals: byte order mark,
/// HTTP Content-Type charset, a charset declared in the page, then detection from the bytes.
/// </summary>
public static class HtmlByteDecoder
{
    public static DecodedHtml Decode(ReadOnlySpan<byte> bytes, string? contentType, int maxBytes)
    {
        var truncated = bytes.Length > maxBytes;
        if (truncated)
        {
            bytes = bytes[..maxBytes];
        }

        var (encoding, source, bomLength) = Choose(bytes, contentType);
        var text = encoding.GetString(bytes[bomLength..]);
        return new DecodedHtml(text, encoding, source, truncated);
    }

    public static (Encoding Encoding, CharsetSource Source, int BomLength) Choose(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8.Instance, CharsetSource.ByteOrderMark, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, CharsetSource.ByteOrderMark, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, CharsetSource.ByteOrderMark, 2);
        }

        var fromHeader = EncodingLabels.Resolve(HttpContentTypeCharset.Find(contentType));
        if (fromHeader is not null)
        {
            return (fromHeader, CharsetSource.HttpHeader, 0);
        }

        var fromMeta = EncodingLabels.Resolve(MetaCharsetPrescanner.FindDeclaredCharset(bytes));
        if (fromMeta is not null)
        {
            return (fromMeta, CharsetSource.MetaTag, 0);
        }

        return (CharsetDetector.Detect(bytes), CharsetSource.Detected, 0);
    }
}
