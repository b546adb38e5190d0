using FeedWatch.Http;

namespace FeedWatch.Reliability.Tests.Support;

/// <summary>The product's fetcher with the tight limits hostile-input tests use, loopback explicitly allowed.</summary>
internal static class Fetchers
{
    public static HttpFetcher Loopback(long maxBodyBytes = 1 << 20, TimeSpan? timeout = null, int maxRedirects = 5) =>
        new(new HttpFetcherOptions
        {
            AllowPrivateAddresses = true,
            MaxBodyBytes = maxBodyBytes,
            Timeout = timeout ?? TimeSpan.FromSeconds(3),
            MaxRedirects = maxRedirects,
        });
}
