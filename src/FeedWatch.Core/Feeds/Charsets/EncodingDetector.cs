using System.Text;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Charsets;

/// <summary>
/// Chooses the character encoding of a feed from its bytes, following RFC 3023 as feed readers do:
/// a byte-order mark wins; for application/*xml the HTTP charset wins over the XML declaration, which wins over
/// UTF-8; for text/*xml the HTTP charset wins and the default is US-ASCII; for other types the declaration is used
/// but the document is flagged. Bytes that do not decode in the chosen encoding are re-read as UTF-8 or Windows-1252
/// and flagged rather than lost.
/// </summary>
public static class EncodingDetector
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static DecodedDocument Decode(ReadOnlySpan<byte> bytes, string? contentType, ProblemLog problems) =>
        Decode(bytes, Choose(bytes, contentType, problems), problems);

    /// <summary>
    /// The document is plain UTF-8 that <see cref="System.Xml.XmlReader"/> may read straight from the bytes: UTF-8 chosen
    /// with nothing to report, no declaration other than utf-8 (so the reader's own detection agrees), valid UTF-8, and
    /// markup ('&lt;') after the BOM and ASCII whitespace. <paramref name="markupStart"/> is where that '&lt;' is.
    /// Decoding the same bytes would give exactly the characters the reader sees, so both paths parse alike.
    /// </summary>
    public static bool IsPlainUtf8Markup(ReadOnlySpan<byte> bytes, EncodingChoice choice, ProblemLog problems, out int markupStart)
    {
        markupStart = 0;
        if (problems.Count > 0 || choice.Encoding?.CodePage != 65001
            || (choice.Declared is not null && !choice.Declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var start = choice.BomLength;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start >= bytes.Length || bytes[start] != (byte)'<' || !System.Text.Unicode.Utf8.IsValid(bytes[choice.BomLength..]))
        {
            return false;
        }

        markupStart = start;
        return true;
    }

    /// <summary>Decodes the bytes in the chosen encoding, falling back (and flagging the feed) when they do not decode.</summary>
    public static DecodedDocument Decode(ReadOnlySpan<byte> bytes, EncodingChoice choice, ProblemLog problems)
    {
        var body = bytes[choice.BomLength..];
        var (chosen, chosenName, declared) = (choice.Encoding, choice.Name, choice.Declared);
        if (chosen is not null && TryDecode(chosen, body, out var text))
        {
            return new DecodedDocument(text, chosenName!);
        }

        if (chosen is not null)
        {
            problems.Add($"the document is not valid {chosenName}");
        }

        // Fallbacks, in the order real feeds most often mean: the declaration, UTF-8, then Windows-1252 (never fails).
        foreach (var candidate in (ReadOnlySpan<string?>)[declared, "utf-8"])
        {
            if (EncodingAliases.Find(candidate) is { } alt && (chosen is null || alt.CodePage != chosen.CodePage) && TryDecode(alt, body, out text))
            {
                problems.Add($"read as {EncodingAliases.CanonicalName(alt)} instead");
                return new DecodedDocument(text, EncodingAliases.CanonicalName(alt));
            }
        }

        problems.Add("read as windows-1252 instead");
        return new DecodedDocument(Encoding.GetEncoding(1252).GetString(body), "windows-1252");
    }

    /// <summary>Chooses the encoding (BOM, HTTP charset, declaration, RFC 3023 defaults) without decoding anything.</summary>
    public static EncodingChoice Choose(ReadOnlySpan<byte> bytes, string? contentType, ProblemLog problems)
    {
        EncodingAliases.EnsureRegistered();
        var (bomEncoding, bomLength) = SniffBom(bytes);
        var body = bytes[bomLength..];
        var sniffed = bomEncoding ?? SniffWithoutBom(body);
        var declared = ReadDeclaredEncoding(body, sniffed);
        var (mediaType, charset) = ParseContentType(contentType);

        System.Text.Encoding? chosen;
        string? chosenName;
        var textType = mediaType is not null && mediaType.StartsWith("text/", StringComparison.Ordinal);
        var xmlType = mediaType is null || IsXmlMediaType(mediaType) || mediaType.Contains("json", StringComparison.Ordinal);
        if (mediaType is not null && !xmlType)
        {
            problems.Add($"served as {mediaType}, not an XML media type");
        }

        if (bomEncoding is not null)
        {
            chosen = bomEncoding;
            chosenName = EncodingAliases.CanonicalName(bomEncoding);
            if (declared is not null && EncodingAliases.Find(declared) is { } d && !SameFamily(d, bomEncoding))
            {
                problems.Add($"byte-order mark says {chosenName} but the declaration says {declared}");
            }
        }
        else if (charset is not null)
        {
            chosen = EncodingAliases.Find(charset);
            chosenName = chosen is null ? null : EncodingAliases.CanonicalName(chosen);
            if (chosen is null)
            {
                problems.Add($"unknown charset '{charset}' in Content-Type");
            }
        }
        else if (textType && xmlType)
        {
            // RFC 3023: text/xml without a charset is US-ASCII, whatever the document declares.
            chosen = EncodingAliases.Find("us-ascii");
            chosenName = "us-ascii";
        }
        else if (sniffed is not null && (declared is null || (EncodingAliases.Find(declared) is { } fam && SameFamily(fam, sniffed))))
        {
            // utf-16/utf-32 without a byte-order mark: the byte pattern of "<?" says which endianness.
            chosen = sniffed;
            chosenName = EncodingAliases.CanonicalName(sniffed);
        }
        else if (declared is not null)
        {
            chosen = EncodingAliases.Find(declared);
            chosenName = chosen is null ? null : EncodingAliases.CanonicalName(chosen);
            if (chosen is null)
            {
                problems.Add($"unknown encoding '{declared}' in the XML declaration");
            }
        }
        else
        {
            chosen = sniffed ?? StrictUtf8;
            chosenName = EncodingAliases.CanonicalName(chosen);
        }

        return new EncodingChoice(chosen, chosenName, declared, bomLength);
    }

    public static bool IsXmlMediaType(string mediaType) =>
        mediaType.EndsWith("/xml", StringComparison.Ordinal) || mediaType.EndsWith("+xml", StringComparison.Ordinal)
        || mediaType.StartsWith("application/xml-", StringComparison.Ordinal) || mediaType.StartsWith("text/xml-", StringComparison.Ordinal);

    private static bool TryDecode(System.Text.Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        if (encoding.CodePage == 28591)
        {
            // Feeds labelled ISO-8859-1 almost always mean Windows-1252 (curly quotes at 0x91–0x94), as browsers assume.
            text = Latin1AsWindows1252(bytes);
            return true;
        }

        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static string Latin1AsWindows1252(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        if (bytes.IndexOfAnyInRange((byte)0x80, (byte)0x9F) < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Xml.Cp1252.Map(source[i]);
            }
        });
    }

    private static bool SameFamily(System.Text.Encoding a, System.Text.Encoding b) =>
        a.CodePage == b.CodePage || (a.CodePage is 1200 or 1201 && b.CodePage is 1200 or 1201) || (a.CodePage is 12000 or 12001 && b.CodePage is 12000 or 12001);

    private static (System.Text.Encoding? Encoding, int Length) SniffBom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (EncodingAliases.Find("utf-32be"), 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return (EncodingAliases.Find("utf-32le"), 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, 3);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (EncodingAliases.Find("utf-16be"), 2);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (EncodingAliases.Find("utf-16le"), 2);
        }

        return (null, 0);
    }

    /// <summary>Recognises "&lt;?" (or "&lt;" + letter) in UTF-16/32 and EBCDIC by its byte pattern (XML 1.0 appendix F).</summary>
    private static System.Text.Encoding? SniffWithoutBom(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4)
        {
            return null;
        }

        return (b[0], b[1], b[2], b[3]) switch
        {
            (0x00, 0x00, 0x00, 0x3C) => EncodingAliases.Find("utf-32be"),
            (0x3C, 0x00, 0x00, 0x00) => EncodingAliases.Find("utf-32le"),
            (0x00, 0x3C, 0x00, _) => EncodingAliases.Find("utf-16be"),
            (0x3C, 0x00, _, 0x00) => EncodingAliases.Find("utf-16le"),
            (0x4C, 0x6F, 0xA7, 0x94) => EncodingAliases.Find("cp037"),
            _ => null,
        };
    }

    /// <summary>The encoding="…" of the XML declaration, read in the sniffed encoding (ASCII-compatible by default).</summary>
    private static string? ReadDeclaredEncoding(ReadOnlySpan<byte> body, System.Text.Encoding? sniffed)
    {
        if (sniffed is not null && sniffed.CodePage != 65001)
        {
            var take = Math.Min(body.Length, 1024) & ~3;
            try
            {
                return DeclaredEncodingIn(sniffed.GetString(body[..take]));
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        // ASCII-compatible: read the head as Latin-1 into a stack buffer; only the encoding name becomes a string.
        Span<char> head = stackalloc char[512];
        var length = Encoding.Latin1.GetChars(body[..Math.Min(body.Length, head.Length)], head);
        return DeclaredEncodingIn(head[..length]);
    }

    private static string? DeclaredEncodingIn(ReadOnlySpan<char> head)
    {
        head = head.TrimStart();
        if (!head.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return null;
        }

        var end = head.IndexOf("?>", StringComparison.Ordinal);
        var decl = end < 0 ? head : head[..end];
        var at = decl.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var i = at + 8;
        while (i < decl.Length && (char.IsWhiteSpace(decl[i]) || decl[i] == '='))
        {
            i++;
        }

        if (i >= decl.Length || decl[i] is not ('"' or '\''))
        {
            return null;
        }

        var close = decl[(i + 1)..].IndexOf(decl[i]);
        return close < 0 ? null : decl.Slice(i + 1, close).Trim().ToString();
    }

    private static (string? MediaType, string? Charset) ParseContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return (null, null);
        }

        var parts = contentType.Split(';');
        var media = parts[0].Trim().ToLowerInvariant();
        string? charset = null;
        foreach (var part in parts.AsSpan(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var value = part[(eq + 1)..].Trim().Trim('"', '\'').Trim();
                charset = value.Length == 0 ? null : value;
            }
        }

        return (media.Length == 0 ? null : media, charset);
    }
}
