using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The characters of a text run or attribute value that needs rewriting (references, line ends), built from the UTF-8
/// segments between them. Reused per thread; only the final string is allocated.
/// </summary>
internal sealed class Utf8TextBuffer
{
    private char[] chars = new char[1024];
    private int length;

    public void Clear() => length = 0;

    /// <summary>Appends a UTF-8 segment that starts and ends on character boundaries (the reader only splits at ASCII).</summary>
    public void AppendUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        EnsureRoom(bytes.Length);
        var destination = chars.AsSpan(length);
        if (Ascii.ToUtf16(bytes, destination, out var written) == System.Buffers.OperationStatus.Done)
        {
            length += written;
            return;
        }

        length += written + System.Text.Encoding.UTF8.GetChars(bytes[written..], destination[written..]);
    }

    public void Append(char c)
    {
        EnsureRoom(1);
        chars[length++] = c;
    }

    /// <summary>Appends a code point the caller has checked is an XML character (a surrogate pair above U+FFFF).</summary>
    public void AppendCodePoint(int codePoint)
    {
        EnsureRoom(2);
        if (codePoint < 0x10000)
        {
            chars[length++] = (char)codePoint;
            return;
        }

        codePoint -= 0x10000;
        chars[length++] = (char)(0xD800 + (codePoint >> 10));
        chars[length++] = (char)(0xDC00 + (codePoint & 0x3FF));
    }

    public override string ToString() => new(chars, 0, length);

    private void EnsureRoom(int count)
    {
        if (length + count > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(chars.Length * 2, length + count));
        }
    }
}
