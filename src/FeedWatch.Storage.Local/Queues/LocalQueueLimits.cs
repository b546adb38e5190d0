namespace FeedWatch.Storage.Local.Queues;

/// <summary>The argument limits Azure Storage queues enforce, mirrored so code that works locally works on Azure.</summary>
internal static class LocalQueueLimits
{
    public const int MaxMessagesPerReceive = 32;
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    public static void ValidateBatch(int maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerReceive)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"Between 1 and {MaxMessagesPerReceive} messages per call.");
        }
    }

    public static void ValidateVisibility(TimeSpan timeout, string parameterName)
    {
        if (timeout < TimeSpan.Zero || timeout > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "Visibility timeouts are between 0 and 7 days.");
        }
    }
}
