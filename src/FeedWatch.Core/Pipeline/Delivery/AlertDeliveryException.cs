namespace FeedWatch.Core.Pipeline.Delivery;

/// <summary>One or more sinks failed; thrown so the queue retries the delivery (sinks that succeeded are skipped).</summary>
public sealed class AlertDeliveryException(string message) : Exception(message);
