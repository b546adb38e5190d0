using System.Xml;
using System.Xml.Linq;

namespace FeedWatch.Azure.Common;

/// <summary>Parses service XML with DTDs prohibited and no external resolution (no XXE, no entity expansion).</summary>
public static class SafeXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersInDocument = 64L * 1024 * 1024,
    };

    public static XDocument Parse(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return XDocument.Load(reader);
    }
}
