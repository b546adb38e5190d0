using FeedWatch.Core.Configuration;

namespace FeedWatch.Core.Pipeline.Scheduling;

/// <summary>Where the list of feeds comes from (feeds file, configuration). Read on every schedule tick so edits apply without a restart.</summary>
public interface IFeedCatalog
{
    Task<IReadOnlyList<FeedDefinition>> GetFeedsAsync(CancellationToken cancellationToken = default);
}
