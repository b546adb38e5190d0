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
}
