namespace FeedWatch.Core.Feeds.Xml;

/// <summary>What a run of character data is: element content, an attribute value (whitespace normalised) or CDATA.</summary>
internal enum Utf8TextKind
{
    Text,
    Attribute,
    CData,
}
