namespace FeedWatch.Core.Feeds.Polling;

/// <summary>
/// Decides when to poll a feed again. Pure: the same observation always gives the same decision.
/// <list type="bullet">
/// <item>410 Gone stops polling for good.</item>
/// <item>Failures back off exponentially (base × 2^(n−1), capped) with deterministic jitter; Retry-After is honoured when longer.</item>
/// <item>Success: a fixed interval (configured or default), or — for adaptive feeds — the posting-rate estimate within
/// [Min, Max] where a configured interval raises the floor; then never sooner than the feed's &lt;ttl&gt;,
/// Cache-Control max-age, Expires or Retry-After.</item>
/// </list>
/// </summary>
public sealed class PollingPolicy(PollingPolicyOptions? options = null)
{
    private readonly PollingPolicyOptions options = options ?? new PollingPolicyOptions();

    public PollDecision Decide(PollObservation poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        if (poll.StatusCode == 410)
        {
            return new PollDecision(null, StopPolling: true, poll.PreviousConsecutiveFailures + 1, "410 Gone: the publisher removed the feed");
        }

        if (poll.Failed)
        {
            var failures = poll.PreviousConsecutiveFailures + 1;
            var exponent = Math.Min(failures - 1, 20);
            var backoff = TimeSpan.FromTicks(Math.Min(options.FailureBackoffBase.Ticks * (1L << exponent), options.MaxFailureBackoff.Ticks));
            backoff = DeterministicJitter.Apply(backoff, poll.FeedKey, failures, options.JitterFraction);
            var reason = $"failure #{failures}: back off {backoff:g}";
            if (poll.RetryAfter is { } retry && retry > backoff)
            {
                backoff = Min(retry, options.MaxHintedDelay);
                reason = $"failure #{failures}: Retry-After {backoff:g}";
            }

            return new PollDecision(poll.Now + backoff, false, failures, reason);
        }

        var (interval, why) = BaseInterval(poll);

        // Jitter only ever lengthens a successful interval: a configured interval or adaptive floor is a promise not to poll sooner.
        var jittered = DeterministicJitter.Apply(interval, poll.FeedKey, 0, options.JitterFraction / 2);
        interval = jittered < interval ? interval + (interval - jittered) : jittered;
        foreach (var (hint, name) in Hints(poll))
        {
            var bounded = Min(hint, options.MaxHintedDelay);
            if (bounded > interval)
            {
                (interval, why) = (bounded, name);
            }
        }

        return new PollDecision(poll.Now + interval, false, 0, why);
    }

    /// <summary>The interval before publisher hints: fixed, or from the posting rate clamped to the bounds (a configured interval raises the floor).</summary>
    private (TimeSpan Interval, string Why) BaseInterval(PollObservation poll)
    {
        var configured = poll.ConfiguredInterval is { } c && c > TimeSpan.Zero ? c : (TimeSpan?)null;
        var adaptive = poll.Adaptive ?? configured is null;
        if (!adaptive)
        {
            return configured is { } fixedInterval ? (fixedInterval, "configured interval") : (options.DefaultInterval, "default interval");
        }

        if (PostingRate.TypicalGap(poll.ItemDates, poll.Now) is not { } gap)
        {
            return configured is { } floorOnly ? (floorOnly, "configured interval (posting rate unknown)") : (options.DefaultInterval, "default interval");
        }

        var floor = configured is { } f && f > options.MinInterval ? f : options.MinInterval;
        var ceiling = floor > options.MaxInterval ? floor : options.MaxInterval;
        var estimate = TimeSpan.FromTicks((long)(gap.Ticks / Math.Max(1, options.PollsPerPost)));
        return (Clamp(estimate, floor, ceiling), $"posting rate (one post per {gap:g}) within [{floor:g}, {ceiling:g}]");
    }

    private static IEnumerable<(TimeSpan Hint, string Name)> Hints(PollObservation poll)
    {
        if (poll.TimeToLiveMinutes is > 0 and var ttl)
        {
            yield return (TimeSpan.FromMinutes(ttl), "<ttl>");
        }

        if (poll.MaxAge is { } maxAge)
        {
            yield return (maxAge, "Cache-Control max-age");
        }

        if (poll.Expires is { } expires)
        {
            yield return (expires - poll.Now, "Expires");
        }

        if (poll.RetryAfter is { } retry)
        {
            yield return (retry, "Retry-After");
        }
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
