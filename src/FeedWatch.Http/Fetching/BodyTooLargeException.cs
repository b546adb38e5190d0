namespace FeedWatch.Http.Fetching;

internal sealed class BodyTooLargeException(long limit) : Exception($"body exceeds {limit} bytes")
{
    public long Limit { get; } = limit;
}
