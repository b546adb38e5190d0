namespace FeedWatch.Core.Alerts.Routing;

/// <summary>
/// How one tracked story's alerts reach people: which sinks, and the noise controls analysts ask for
/// (rate limit, quiet hours, digest). A mutable class rather than a record so Microsoft.Extensions.Configuration
/// can bind it directly from "FeedWatch:Alerts:Default" / "FeedWatch:Alerts:Stories:{storyId}" or a story's settings.
/// </summary>
public sealed class StoryAlertSettings
{
    /// <summary>Names of configured sinks ("FeedWatch:Alerts:Sinks:{name}"). Empty means the default route's sinks.</summary>
    public IList<string> Sinks { get; init; } = [];

    /// <summary>At most this many messages per window; further alerts are held and sent together as a digest.</summary>
    public RateLimit? RateLimit { get; set; }

    /// <summary>No messages inside this daily window; alerts are held and sent as one digest when it ends.</summary>
    public QuietHours? QuietHours { get; set; }

    /// <summary>When set, alerts are never sent one by one: one digest per story per period lists the new outlets.</summary>
    public TimeSpan? DigestPeriod { get; set; }

    /// <summary>True when no noise control applies, so delivery needs no per-story state.</summary>
    public bool IsImmediate => RateLimit is null && QuietHours is null && DigestPeriod is null;

    /// <summary>This story's settings over the defaults: any field left unset falls back to <paramref name="defaults"/>.</summary>
    public StoryAlertSettings Over(StoryAlertSettings defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new StoryAlertSettings
        {
            Sinks = Sinks.Count > 0 ? [.. Sinks] : [.. defaults.Sinks],
            RateLimit = RateLimit ?? defaults.RateLimit,
            QuietHours = QuietHours ?? defaults.QuietHours,
            DigestPeriod = DigestPeriod ?? defaults.DigestPeriod,
        };
    }
}
