namespace FeedWatch.Core.Pipeline.Fetching;

/// <summary>A fetch failed in a way that may pass (timeout, 5xx, 429): thrown so the queue retries the message later.</summary>
public sealed class TransientFetchException(string message) : Exception(message);
