namespace FeedWatch.Core.Configuration;

/// <summary>
/// One feed in the feeds file (or the FeedWatch:Feeds configuration section). Mutable so the configuration
/// binder and the YAML reader can fill it.
/// </summary>
public sealed class FeedDefinition
{
    /// <summary>Optional stable id; derived from the URL when missing.</summary>
    public string? Id { get; set; }

    public string Url { get; set; } = "";
    public string? Name { get; set; }

    /// <summary>"90s", "15m", "2h", "1d" or a TimeSpan ("00:15:00"); the default poll interval when missing.</summary>
    public string? PollInterval { get; set; }

    /// <summary>
    /// Whether the poll interval follows the feed's posting rate. Missing: adaptive unless <see cref="PollInterval"/>
    /// is set (an explicit interval is a promise to the publisher). True with a <see cref="PollInterval"/>: adaptive,
    /// but never more often than that interval. False: always the configured (or default) interval.
    /// </summary>
    public bool? Adaptive { get; set; }

    /// <summary>The publisher's web site (OPML htmlUrl); informational.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Folder path, '/'-separated ("News/World"): the nesting of OPML category outlines.</summary>
    public string? Category { get; set; }

    /// <summary>Free-form tags (OPML 2.0 category attribute entries without a slash).</summary>
    public List<string>? Tags { get; set; }
}
