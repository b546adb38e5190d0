namespace FeedWatch.Core.Feeds.Xml;

/// <summary>An element whose end tag the UTF-8 reader has not reached yet.</summary>
internal struct Utf8OpenElement
{
    public XmlNode Node;
    public Utf8Name Name;

    /// <summary>The namespace scope's binding count before this element's declarations.</summary>
    public int NamespaceCount;
}
