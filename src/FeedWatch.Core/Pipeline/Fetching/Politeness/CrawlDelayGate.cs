using FeedWatch.Core.Articles.Robots;

namespace FeedWatch.Core.Pipeline.Fetching.Politeness;

/// <summary>
/// Decides whether an article URL's host may be fetched now, from the host's robots.txt Crawl-delay (through the
/// cached robots policy) and when the host was last fetched. It never sleeps: a queue-driven stage defers the
/// message by the returned wait instead.
/// </summary>
public sealed class CrawlDelayGate(CrawlDelayOptions options, TimeProvider time, IRobotsPolicy? robots = null, HostCrawlLedger? ledger = null)
{
    private readonly HostCrawlLedger ledger = ledger ?? new HostCrawlLedger(options.MaxTrackedHosts);

    public CrawlDelayOptions Options => options;

    /// <param name="url">The page about to be fetched.</param>
    /// <param name="reservedAt">The slot an earlier deferral reserved for this request, if any: it is honoured, not reserved again.</param>
    public async Task<CrawlSlot> ReserveAsync(Uri url, DateTimeOffset? reservedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!options.Enabled)
        {
            return CrawlSlot.Now;
        }

        var now = time.GetUtcNow();
        if (reservedAt is { } slot)
        {
            // The queue may hand a deferred message back a little early; it keeps its slot.
            return slot <= now + EarlyDeliveryTolerance ? CrawlSlot.Now : new CrawlSlot(Min(slot - now, options.MaxDeferral), slot);
        }

        var interval = options.DefaultHostInterval;
        if (robots is not null)
        {
            var decision = await robots.CheckAsync(url, cancellationToken).ConfigureAwait(false);
            if (!decision.Allowed)
            {
                return CrawlSlot.Now; // the fetcher refuses it; nothing to space
            }

            if (decision.CrawlDelay is { } asked)
            {
                interval = Min(asked, options.MaxCrawlDelay);
            }
        }

        return interval <= TimeSpan.Zero ? CrawlSlot.Now : ledger.Reserve(url.Host, interval, now, options.MaxDeferral);
    }

    private static readonly TimeSpan EarlyDeliveryTolerance = TimeSpan.FromSeconds(1);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
