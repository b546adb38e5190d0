namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>An endpoint refused or did not answer an alert; the dispatcher retries, then parks the delivery.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException() { }

    public AlertDeliveryException(string message) : base(message) { }

    public AlertDeliveryException(string message, Exception innerException) : base(message, innerException) { }

    public int? StatusCode { get; init; }
}
