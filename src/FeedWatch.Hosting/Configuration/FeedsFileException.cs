namespace FeedWatch.Hosting.Configuration;

/// <summary>The feeds file is missing or invalid; the message says where and why.</summary>
public sealed class FeedsFileException(string message, Exception? inner = null) : Exception(message, inner);
