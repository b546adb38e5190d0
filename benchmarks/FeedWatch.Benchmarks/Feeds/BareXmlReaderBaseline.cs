using System.Xml;

namespace FeedWatch.Benchmarks.Feeds;

/// <summary>
/// The yardstick both feed benchmarks compare our parser with: a plain XmlReader pass over the same bytes that only
/// touches text values, i.e. the cost of tokenising the XML and nothing of the feed model.
/// </summary>
internal static class BareXmlReaderBaseline
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    public static int ReadAll(byte[][] feeds)
    {
        var chars = 0;
        foreach (var feed in feeds)
        {
            try
            {
                chars += ReadAll(feed);
            }
            catch (XmlException)
            {
                // the bare reader simply stops at the first error of a broken input
            }
        }

        return chars;
    }

    public static int ReadAll(byte[] bytes)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Settings);
        var chars = 0;
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                chars += reader.Value.Length;
            }
        }

        return chars;
    }
}
