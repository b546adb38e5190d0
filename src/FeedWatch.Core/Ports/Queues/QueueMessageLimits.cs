using System.Text;

namespace FeedWatch.Core.Ports.Queues;

/// <summary>
/// Azure Storage queue messages are at most 64 KiB after base64 encoding (which Functions expects), so the
/// UTF-8 body may be at most 48 KiB. Every backend enforces it so an oversized message fails locally too.
/// </summary>
public static class QueueMessageLimits
{
    public const int MaxBodyBytes = 48 * 1024;

    public static void ValidateBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = Encoding.UTF8.GetByteCount(body);
        if (bytes > MaxBodyBytes)
        {
            throw new ArgumentException(
                $"Queue message body is {bytes} bytes; the limit is {MaxBodyBytes} bytes (64 KiB once base64-encoded). Store large payloads in a blob and send its name.",
                nameof(body));
        }
    }
}
