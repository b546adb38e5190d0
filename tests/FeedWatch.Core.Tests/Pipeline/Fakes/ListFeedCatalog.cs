using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline.Scheduling;

namespace FeedWatch.Core.Tests.Pipeline.Fakes;

public sealed class ListFeedCatalog : IFeedCatalog
{
    public List<FeedDefinition> Feeds { get; } = [];

    public Task<IReadOnlyList<FeedDefinition>> GetFeedsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FeedDefinition>>(Feeds.ToList());
}
