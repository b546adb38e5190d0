namespace FeedWatch.Core.Ports.Http;

/// <summary>
/// Fetches a URL with the limits every fetch must have (size, time, redirects, private-address guard).
/// Never throws for HTTP or network failures: they come back as a <see cref="FetchResponse"/> with
/// <see cref="FetchResponse.Error"/> set, so the stages can schedule retries.
/// </summary>
public interface IHttpFetcher
{
    Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken cancellationToken = default);
}
