using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Decodes a run of character data that needs rewriting — references, line ends, attribute whitespace — from UTF-8
/// into a character span the caller sized to the run (a run never decodes to more characters than it has bytes).
/// Feeds escape their HTML, so text is dense with references (one every ~20 bytes in a typical feed); this is the
/// reader's hot loop, kept free of per-reference allocation, bounds re-checks and calls.
/// </summary>
internal static class Utf8TextDecoder
{
    private static readonly System.Buffers.SearchValues<byte> AttributeStops = System.Buffers.SearchValues.Create("&\r\n\t"u8);

    /// <summary>The characters written, or -1 when the run holds a reference the reader does not accept.</summary>
    public static int Decode(ReadOnlySpan<byte> run, Span<char> destination, Utf8TextKind kind)
    {
        if (kind == Utf8TextKind.Text && Vector128.IsHardwareAccelerated)
        {
            return DecodeText(run, destination);
        }

        var written = 0;
        while (true)
        {
            var next = kind switch
            {
                Utf8TextKind.Text => run.IndexOfAny((byte)'&', (byte)'\r'),
                Utf8TextKind.Attribute => run.IndexOfAny(AttributeStops),
                _ => run.IndexOf((byte)'\r'),
            };
            if (next < 0)
            {
                return written + Widen(run, destination[written..]);
            }

            written += Widen(run[..next], destination[written..]);
            var b = run[next];
            if (b == '&')
            {
                var consumed = Reference(run[next..], destination, ref written);
                if (consumed < 0)
                {
                    return -1;
                }

                run = run[(next + consumed)..];
                continue;
            }

            // CR and CRLF are one line end; in an attribute value a line end, tab or LF is a space.
            destination[written++] = kind == Utf8TextKind.Attribute ? ' ' : '\n';
            run = run[(next + (b == '\r' && next + 1 < run.Length && run[next + 1] == '\n' ? 2 : 1))..];
        }
    }

    /// <summary>
    /// Element content, 16 bytes at a time: a block with no '&amp;', CR or non-ASCII byte is widened and stored whole;
    /// otherwise the block is stored widened anyway (the destination has room: characters never outnumber bytes) and
    /// only the bytes before the first special one are kept. Calling a vectorised search per reference cost more
    /// than the reference itself.
    /// </summary>
    private static int DecodeText(ReadOnlySpan<byte> run, Span<char> destination)
    {
        var amp = Vector128.Create((byte)'&');
        var cr = Vector128.Create((byte)'\r');
        ref var source = ref MemoryMarshal.GetReference(run);
        ref var target = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        var i = 0;
        var written = 0;
        while (true)
        {
            if (i + Vector128<byte>.Count <= run.Length)
            {
                var block = Vector128.LoadUnsafe(ref source, (nuint)i);
                var (low, high) = Vector128.Widen(block);
                low.StoreUnsafe(ref target, (nuint)written);
                high.StoreUnsafe(ref target, (nuint)(written + Vector128<ushort>.Count));
                var special = (Vector128.Equals(block, amp) | Vector128.Equals(block, cr) | block).ExtractMostSignificantBits();
                if (special == 0)
                {
                    i += Vector128<byte>.Count;
                    written += Vector128<byte>.Count;
                    continue;
                }

                var ordinary = BitOperations.TrailingZeroCount(special);
                i += ordinary;
                written += ordinary;
            }
            else
            {
                // The tail: fewer than 16 bytes, one at a time.
                while (i < run.Length && run[i] is < 0x80 and not (byte)'&' and not (byte)'\r')
                {
                    destination[written++] = (char)run[i++];
                }

                if (i == run.Length)
                {
                    return written;
                }
            }

            var b = run[i];
            if (b == '&')
            {
                var consumed = Reference(run[i..], destination, ref written);
                if (consumed < 0)
                {
                    return -1;
                }

                i += consumed;
            }
            else if (b == '\r')
            {
                destination[written++] = '\n';
                i += i + 1 < run.Length && run[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                // Non-ASCII: the bytes up to the next ASCII one are whole characters (the input is valid UTF-8).
                var length = run[i..].IndexOfAnyInRange((byte)0, (byte)0x7F);
                var characters = length < 0 ? run[i..] : run.Slice(i, length);
                written += Encoding.UTF8.GetChars(characters, destination[written..]);
                i += characters.Length;
            }
        }
    }

    /// <summary>UTF-8 (split only at ASCII bytes, so whole characters) to UTF-16; short ASCII runs without a call.</summary>
    private static int Widen(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        if (bytes.Length < 16)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b >= 0x80)
                {
                    return i + Encoding.UTF8.GetChars(bytes[i..], destination[i..]);
                }

                destination[i] = (char)b;
            }

            return bytes.Length;
        }

        return Ascii.ToUtf16(bytes, destination, out var written) == System.Buffers.OperationStatus.Done
            ? written
            : written + Encoding.UTF8.GetChars(bytes[written..], destination[written..]);
    }

    /// <summary>At '&amp;': a predefined entity or a character reference; the bytes consumed, or -1.</summary>
    private static int Reference(ReadOnlySpan<byte> r, Span<char> destination, ref int written)
    {
        if (r.Length >= 4 && r[3] == ';')
        {
            if (r[2] == 't' && (r[1] == 'l' || r[1] == 'g'))
            {
                destination[written++] = r[1] == 'l' ? '<' : '>';
                return 4;
            }
        }

        if (r.Length >= 5 && r[4] == ';' && r[1] == 'a' && r[2] == 'm' && r[3] == 'p')
        {
            destination[written++] = '&';
            return 5;
        }

        if (r.Length >= 6 && r[5] == ';')
        {
            if (r[1..5].SequenceEqual("quot"u8))
            {
                destination[written++] = '"';
                return 6;
            }

            if (r[1..5].SequenceEqual("apos"u8))
            {
                destination[written++] = '\'';
                return 6;
            }
        }

        return r.Length > 1 && r[1] == '#' ? CharacterReference(r, destination, ref written) : -1;
    }

    private static int CharacterReference(ReadOnlySpan<byte> r, Span<char> destination, ref int written)
    {
        var p = 2;
        var hex = p < r.Length && r[p] == 'x';
        if (hex)
        {
            p++;
        }

        long value = 0;
        var digits = 0;
        for (; p < r.Length; p++)
        {
            var b = r[p];
            int digit;
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                digit = b - '0';
            }
            else if (hex && (b | 0x20) is >= 'a' and <= 'f')
            {
                digit = (b | 0x20) - 'a' + 10;
            }
            else
            {
                break;
            }

            value = (value * (hex ? 16 : 10)) + digit;
            if (++digits > 10)
            {
                return -1;
            }
        }

        if (digits == 0 || p >= r.Length || r[p] != ';' || !Utf8XmlBytes.IsXmlChar(value))
        {
            return -1;
        }

        // A character reference above U+FFFF is a surrogate pair: two characters for at least 8 bytes (&#65536;).
        if (value < 0x10000)
        {
            destination[written++] = (char)value;
        }
        else
        {
            var v = (int)value - 0x10000;
            destination[written++] = (char)(0xD800 + (v >> 10));
            destination[written++] = (char)(0xDC00 + (v & 0x3FF));
        }

        return p + 1;
    }
}
