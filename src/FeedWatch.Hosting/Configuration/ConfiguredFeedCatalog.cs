using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedWatch.Hosting.Configuration;

/// <summary>
/// Feeds from configuration (FeedWatch:Feeds) plus the feeds file (FeedWatch:FeedsFile), re-read on every tick so
/// edits apply without a restart. A broken edit keeps the last good list and logs why.
/// </summary>
public sealed class ConfiguredFeedCatalog(IOptionsMonitor<FeedWatchOptions> options, ILogger<ConfiguredFeedCatalog> logger) : IFeedCatalog
{
    private FeedsFile? _lastGood;

    public Task<IReadOnlyList<FeedDefinition>> GetFeedsAsync(CancellationToken cancellationToken = default)
    {
        var current = options.CurrentValue;
        var feeds = new List<FeedDefinition>(current.Feeds);
        var file = LoadFile(current.FeedsFile);
        if (file is not null)
        {
            feeds.AddRange(file.Feeds);
        }

        return Task.FromResult<IReadOnlyList<FeedDefinition>>(feeds);
    }

    /// <summary>Tracked stories from configuration and the feeds file.</summary>
    public IReadOnlyList<TrackedStoryDefinition> GetTracked()
    {
        var current = options.CurrentValue;
        var file = LoadFile(current.FeedsFile);
        return [.. current.Tracked, .. file?.Tracked ?? []];
    }

    private FeedsFile? LoadFile(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            _lastGood = FeedsFileLoader.Load(path);
        }
        catch (Exception ex) when (ex is FeedsFileException or IOException or UnauthorizedAccessException)
        {
            logger.LogError("Feeds file {FeedsFile} not loaded: {Error}; using the last good version", path, ex.Message);
        }

        return _lastGood;
    }
}
