namespace FeedWatch.Core.Feeds.Xml;

public sealed record XmlAttr(string NamespaceUri, string LocalName, string Prefix, string Value);
