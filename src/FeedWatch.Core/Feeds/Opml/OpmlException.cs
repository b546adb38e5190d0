namespace FeedWatch.Core.Feeds.Opml;

/// <summary>The input is not a usable OPML document (not XML, not OPML, too large, has a DTD …); the message says which.</summary>
public sealed class OpmlException(string message, Exception? inner = null) : Exception(message, inner);
