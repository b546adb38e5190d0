namespace FeedWatch.Core.Feeds.Xml;

/// <summary>A parsed XML document: its root element and, when it had to be recovered, why.</summary>
public sealed record XmlTree(XmlNode Root, bool WellFormed, IReadOnlyList<string> Problems);
