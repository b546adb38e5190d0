namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>
/// Bounded retries of one sink ("FeedWatch:Alerts:Delivery"): attempt k waits InitialBackoff·2^(k-1), capped at MaxBackoff,
/// with ±20 % jitter so several workers do not hammer a recovering endpoint in step. After MaxAttempts the delivery is parked.
/// </summary>
public sealed class DeliveryRetryOptions
{
    public const string SectionName = "FeedWatch:Alerts:Delivery";

    public int MaxAttempts { get; set; } = 4;
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BackoffBefore(int attempt, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (attempt <= 1 || InitialBackoff <= TimeSpan.Zero) return TimeSpan.Zero;
        var exponential = InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 2);
        var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * random.NextDouble())));
    }
}
