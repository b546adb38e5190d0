using System.Net.Http.Headers;

namespace FeedWatch.Http.Fetching;

/// <summary>Reads the response headers the poll scheduler honours: Retry-After, Cache-Control max-age, Expires.</summary>
internal static class CachingHeaders
{
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var retry = response.Headers.RetryAfter;
        if (retry?.Delta is { } delta)
        {
            return delta;
        }

        if (retry?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    public static TimeSpan? MaxAge(HttpResponseMessage response)
    {
        CacheControlHeaderValue? cc = response.Headers.CacheControl;
        return cc?.SharedMaxAge ?? cc?.MaxAge;
    }

    public static DateTimeOffset? Expires(HttpResponseMessage response) => response.Content.Headers.Expires;

    public static string? LastModified(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;
}
