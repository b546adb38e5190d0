using FeedWatch.Tests.Shared;

namespace FeedWatch.Azure.Tests.Concurrency;

/// <summary>The pipeline's guarantees, checked on what a finished run left in storage.</summary>
internal static class PipelineAssert
{
    public static void Invariants(StorageCensus census, IReadOnlySet<string> corpusUrls)
    {
        // Every corpus article stored, exactly once, and nothing else.
        Assert.Equal(0, census.DuplicateArticles);
        Assert.Equal(corpusUrls.Order(StringComparer.Ordinal), census.DistinctArticleUrls.Order(StringComparer.Ordinal));
        Assert.Equal(corpusUrls.Count, census.Articles.Count);

        // The tracked story reached other outlets (else the alert checks below prove nothing).
        Assert.NotEmpty(census.RecordedSpread);

        // Every (story, outlet) recorded has exactly one alert document, and every alert document is a recorded pair,
        // named by its deterministic id.
        Assert.Equal(census.RecordedSpread, census.AlertPairs);
        Assert.Equal(0, census.MisnamedAlerts);

        // One outbox entry per recorded pair, each delivered; on the alert queue one alert per pair (copies of the same
        // id are at-least-once redeliveries a consumer drops by id; none is expected without faults, but none is wrong).
        Assert.Equal(census.RecordedSpread.Count, census.OutboxEntries);
        Assert.Equal(0, census.UndeliveredOutboxEntries);
        Assert.Equal(census.RecordedSpread, census.QueuedAlerts.DistinctBy(a => a.Id).Select(a => (a.StoryId, a.Outlet)).Order().ToList());
        Assert.Equal(0, census.DuplicateQueuedAlerts);

        // No work left behind, and nothing failed for good.
        Assert.Equal(0, census.UnfinishedWork);
        Assert.Equal(0, census.PoisonMessages);
    }
}
