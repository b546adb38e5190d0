namespace FeedWatch.Core.Feeds;

/// <summary>The input holds nothing that can be recovered as a feed.</summary>
public sealed class FeedParseException(string message, Exception? inner = null) : Exception(message, inner);
