using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The UTF-8 tree builder's character data: text runs, CDATA sections, character references and shared indentation
/// strings.
/// </summary>
internal ref partial struct Utf8XmlTreeBuilder
{
    private bool ReadCData()
    {
        pos += 9;
        var end = data[pos..].IndexOf("]]>"u8);
        if (end < 0)
        {
            return false;
        }

        var content = data.Slice(pos, end);
        pos += end + 3;
        var text = content.IndexOf((byte)'\r') < 0 ? Encoding.UTF8.GetString(content) : Decode(content, Utf8TextKind.CData);

        // XmlReader reports an empty CDATA section too, which makes an otherwise empty element hold "" rather than
        // nothing; appended the same way, the trees match.
        StrictXmlReader.AppendText(state.Open[depth - 1].Node, text!);
        return true;
    }

    /// <summary>Character data up to the next '&lt;', with references decoded and line ends normalised.</summary>
    private bool ReadText()
    {
        // Short runs (indentation, most titles) in one scalar pass; longer ones with vectorised searches.
        var rest = data[pos..];
        for (var i = 0; i < rest.Length && i < ShortValue; i++)
        {
            var b = rest[i];
            if (b == '<')
            {
                var shortRun = rest[..i];
                pos += i;
                if (Indentation(shortRun) is { } indentation)
                {
                    state.Open[depth - 1].Node.AppendText(indentation);
                }
                else
                {
                    StrictXmlReader.AppendText(state.Open[depth - 1].Node, Encoding.UTF8.GetString(shortRun));
                }

                return true;
            }

            if (b is (byte)'&' or (byte)'\r' or (byte)']')
            {
                break;
            }
        }

        var length = rest.IndexOf((byte)'<');
        if (length < 0)
        {
            return false;
        }

        var run = data.Slice(pos, length);
        pos += length;
        string? text;
        var special = run.IndexOfAny((byte)'&', (byte)'\r', (byte)']');
        if (special < 0)
        {
            text = Indentation(run) ?? Encoding.UTF8.GetString(run);
        }
        else if (run[special..].IndexOf((byte)']') >= 0 && run.IndexOf("]]>"u8) >= 0)
        {
            return false;
        }
        else
        {
            text = run[special..].IndexOfAny((byte)'&', (byte)'\r') < 0
                ? Encoding.UTF8.GetString(run)
                : Decode(run, Utf8TextKind.Text);
            if (text is null)
            {
                return false;
            }
        }

        StrictXmlReader.AppendText(state.Open[depth - 1].Node, text);
        return true;
    }

    private readonly string? Decode(ReadOnlySpan<byte> run, Utf8TextKind kind)
    {
        var buffer = state.Text.Reserve(run.Length);
        var written = Utf8TextDecoder.Decode(run, buffer, kind);
        return written < 0 ? null : new string(buffer[..written]);
    }

    /// <summary>The shared string for a line break followed by up to 32 spaces or tabs (most whitespace runs of a feed).</summary>
    private static string? Indentation(ReadOnlySpan<byte> run)
    {
        if (run.Length > 33 || run[0] != '\n')
        {
            return null;
        }

        if (run.Length == 1)
        {
            return SpaceIndents[0];
        }

        var c = run[1];
        if (c is not ((byte)' ' or (byte)'\t') || run[1..].IndexOfAnyExcept(c) >= 0)
        {
            return null;
        }

        return (c == ' ' ? SpaceIndents : TabIndents)[run.Length - 1];
    }
}
