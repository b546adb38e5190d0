namespace FeedWatch.Core.Pipeline;

/// <summary>Limits and intervals of the stages, bound from the "FeedWatch:Pipeline" configuration section.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "FeedWatch:Pipeline";

    public TimeSpan DefaultPollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>No feed is polled more often than this, whatever its own setting says (politeness).</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bounds of the adaptive poll interval (feeds without a pollInterval, or with adaptive: true).</summary>
    public TimeSpan AdaptiveMinInterval { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan AdaptiveMaxInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Polls per typical gap between posts: 2 polls a feed that posts hourly every 30 minutes.</summary>
    public double PollsPerPost { get; set; } = 2;

    /// <summary>Longest back-off after repeated poll failures.</summary>
    public TimeSpan MaxFailureBackoff { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How many item keys a feed remembers to recognise items it already handed on.</summary>
    public int MaxSeenItemsPerFeed { get; set; } = 2000;

    /// <summary>
    /// At most this many new items of one poll are handed to fetch-article (newest first); the rest are recorded as
    /// skipped and never fetched. Bounds what a feed listing thousands of items can make FeedWatch fetch. 0 = no cap.
    /// </summary>
    public int MaxNewItemsPerPoll { get; set; } = 100;

    /// <summary>How far before a feed's high-water mark an item unknown to the (full) seen set may be dated and still count as new.</summary>
    public TimeSpan HighWaterGrace { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many recent article ids a story remembers to make redelivered classifications no-ops.</summary>
    public int MaxRecentArticlesPerStory { get; set; } = 500;

    /// <summary>Compare-and-swap attempts on a story document before the message is left for a retry.</summary>
    public int MaxStoryUpdateAttempts { get; set; } = 25;

    /// <summary>How often the classify stage re-lists stories/ to pick up stories other workers created or changed.</summary>
    public TimeSpan StoryIndexRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long (wall clock) a quiet story stays matchable after the stream has moved a whole active window past it, so
    /// that articles arriving out of order (backfills, slow outlets, several hosts fetching at once) still reach it.
    /// </summary>
    public TimeSpan StoryExpiryGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long the active classifier's lease lasts without renewal: a host that dies is replaced by a standing-by one
    /// after at most this long. The holder renews it every third of it.
    /// </summary>
    public TimeSpan ClassifierLeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Articles whose extracted text is shorter than this are stored but not classified (menus, error pages).</summary>
    public int MinClassifyTextLength { get; set; } = 200;
}
