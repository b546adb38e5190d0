namespace FeedWatch.Core.Ports.Http;

/// <summary>A GET request, optionally conditional (ETag / Last-Modified from the previous poll).</summary>
public sealed record FetchRequest(Uri Url)
{
    public string? IfNoneMatch { get; init; }
    public string? IfModifiedSince { get; init; }

    /// <summary>Overrides the configured maximum body size for this request.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>What the caller accepts, e.g. feed types for a poll, HTML for an article.</summary>
    public string Accept { get; init; } = "*/*";
}
