using FeedWatch.Core.Configuration;

namespace FeedWatch.Hosting;

/// <summary>The "FeedWatch" configuration section (appsettings.json, FEEDWATCH__… environment variables, command line).</summary>
public sealed class FeedWatchOptions
{
    public const string SectionName = "FeedWatch";

    /// <summary>The embedded default's folder (blobs and queues). Default: {LocalApplicationData}/FeedWatch.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>A JSON or YAML file listing feeds and tracked stories; re-read on every schedule tick.</summary>
    public string? FeedsFile { get; set; }

    /// <summary>Feeds listed directly in configuration, in addition to the feeds file.</summary>
    public List<FeedDefinition> Feeds { get; set; } = [];

    /// <summary>Tracked stories listed directly in configuration, in addition to the feeds file.</summary>
    public List<TrackedStoryDefinition> Tracked { get; set; } = [];

    /// <summary>Print each alert on standard output (the console sink).</summary>
    public bool ConsoleAlerts { get; set; } = true;

    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "FeedWatch");

    public string ResolveDataDirectory() => Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? DefaultDataDirectory() : DataDirectory);
}
