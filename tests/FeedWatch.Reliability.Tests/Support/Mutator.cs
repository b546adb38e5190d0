using System.Text;

namespace FeedWatch.Reliability.Tests.Support;

/// <summary>
/// Seeded byte-level mutations of a valid document: flips, deletions, insertions of syntax that parsers trip on,
/// duplicated and truncated spans. Same seed and input, same mutant — a failure report names both.
/// </summary>
internal static class Mutator
{
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "<", ">", "&", "&amp", "&#", "&#x110000;", "&nbsp;", "]]>", "<![CDATA[", "<!--", "-->", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
            "&a;", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "xmlns:a=\"\"", "</item>", "<item>", "<entry>", "</channel>", "\"", "'",
            "<script>", "</div>", "<div>", "<table><tr><td>", "\u0000", "\u001b", "\uFFFE", "{", "}", "[", "]", ":", "null", "1e999",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
    ];

    public static byte[] Mutate(byte[] input, Random random)
    {
        var data = new List<byte>(input);
        var rounds = 1 + random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(64)));
                    break;
                case 2:
                    data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3 when data.Count > 0:
                    var length = Math.Min(data.Count - at, 1 + random.Next(256));
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    var noise = new byte[1 + random.Next(16)];
                    random.NextBytes(noise);
                    data.InsertRange(at, noise);
                    break;
            }
        }

        return [.. data];
    }
}
