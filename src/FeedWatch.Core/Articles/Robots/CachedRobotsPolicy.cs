using System.Collections.Concurrent;
using System.Text;
using FeedWatch.Core.Ports.Http;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Articles.Robots;

/// <summary>
/// Fetches each origin's robots.txt once (through the guarded <see cref="IHttpFetcher"/>, so size, time and
/// private-address limits apply) and caches the parsed rules. Concurrent checks for one origin share one fetch.
/// Outcomes follow RFC 9309: 2xx → the rules; 4xx → no restrictions; 5xx or network failure → everything
/// disallowed until the shorter error TTL expires.
/// </summary>
public sealed class CachedRobotsPolicy(IHttpFetcher fetcher, RobotsOptions options, TimeProvider clock, ILogger<CachedRobotsPolicy> logger) : IRobotsPolicy
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsCacheEntry>>> cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RobotsDecision> CheckAsync(Uri url, CancellationToken cancellationToken = default)
    {
        if (!options.Enabled)
        {
            return new RobotsDecision(true, null, "robots.txt checks disabled");
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return new RobotsDecision(false, null, "not an http(s) URL");
        }

        var entry = await GetEntryAsync(url, cancellationToken).ConfigureAwait(false);
        var allowed = entry.Rules.IsAllowed(options.ProductToken, url.PathAndQuery);
        return new RobotsDecision(allowed, entry.Rules.CrawlDelay(options.ProductToken), allowed ? entry.Source : $"disallowed by {entry.Source}", !allowed && entry.IsError);
    }

    private async Task<RobotsCacheEntry> GetEntryAsync(Uri url, CancellationToken cancellationToken)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            if (cache.Count >= options.MaxCachedOrigins)
            {
                TrimIfFull();
            }

            var lazy = cache.GetOrAdd(origin, o => new Lazy<Task<RobotsCacheEntry>>(() => FetchAsync(o)));
            var entry = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (entry.ExpiresAt > clock.GetUtcNow())
            {
                return entry;
            }

            // Expired: drop exactly this entry (another caller may already have replaced it) and fetch again.
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<RobotsCacheEntry>>>(origin, lazy));
        }
    }

    private async Task<RobotsCacheEntry> FetchAsync(string origin)
    {
        var robotsUrl = new Uri(origin + "/robots.txt");
        var now = clock.GetUtcNow();
        FetchResponse response;
        try
        {
            // Not tied to one caller's cancellation: the result is shared by every caller for this origin.
            response = await fetcher.FetchAsync(new FetchRequest(robotsUrl) { MaxBytes = options.MaxBytes, Accept = "text/plain" }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            logger.LogWarning(ex, "robots.txt for {Origin} could not be fetched; treating the site as disallowed for now", origin);
            return new RobotsCacheEntry(RobotsTxt.DisallowAll, now + options.ErrorCacheDuration, "robots.txt unreachable", IsError: true);
        }

        if (response.IsSuccess)
        {
            var rules = RobotsTxtParser.Parse(Encoding.UTF8.GetString(response.Body.Span));
            logger.LogDebug("robots.txt for {Origin}: {Groups} groups", origin, rules.Groups.Count);
            return new RobotsCacheEntry(rules, now + options.CacheDuration, "robots.txt");
        }

        if (response.StatusCode is >= 400 and < 500)
        {
            return new RobotsCacheEntry(RobotsTxt.AllowAll, now + options.CacheDuration, $"no robots.txt (HTTP {response.StatusCode})");
        }

        logger.LogWarning("robots.txt for {Origin} failed with {Status} {Error}; treating the site as disallowed for now", origin, response.StatusCode, response.Error?.Message);
        return new RobotsCacheEntry(RobotsTxt.DisallowAll, now + options.ErrorCacheDuration, $"robots.txt unavailable (HTTP {response.StatusCode} {response.Error?.Kind})", IsError: true);
    }

    private void TrimIfFull()
    {
        if (cache.Count < options.MaxCachedOrigins)
        {
            return;
        }

        var expired = cache.Where(kv => kv.Value.IsValueCreated && kv.Value.Value.IsCompletedSuccessfully && kv.Value.Value.Result.ExpiresAt <= clock.GetUtcNow()).Select(kv => kv.Key).ToList();
        foreach (var key in expired)
        {
            cache.TryRemove(key, out _);
        }

        if (cache.Count >= options.MaxCachedOrigins)
        {
            // Still full of live entries: start over rather than grow without bound (a refetch is cheap).
            cache.Clear();
        }
    }
}
