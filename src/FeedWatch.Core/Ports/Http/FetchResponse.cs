namespace FeedWatch.Core.Ports.Http;

/// <summary>
/// The outcome of a fetch. <see cref="StatusCode"/> is 0 when no HTTP response arrived; <see cref="Error"/>
/// then says why (timeout, refused, blocked address, too large …). <see cref="Body"/> is decompressed.
/// </summary>
public sealed record FetchResponse
{
    public required Uri RequestedUrl { get; init; }
    public required Uri FinalUrl { get; init; }
    public int StatusCode { get; init; }
    public ReadOnlyMemory<byte> Body { get; init; }
    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>True when every redirect on the way was permanent (301/308): the caller should update its stored URL.</summary>
    public bool PermanentlyRedirected { get; init; }

    public TimeSpan? RetryAfter { get; init; }
    public TimeSpan? MaxAge { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public FetchError? Error { get; init; }

    public bool IsSuccess => Error is null && StatusCode is >= 200 and < 300;
    public bool IsNotModified => StatusCode == 304;
}
