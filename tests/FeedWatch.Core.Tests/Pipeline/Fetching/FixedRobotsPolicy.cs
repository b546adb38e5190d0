using FeedWatch.Core.Articles.Robots;

namespace FeedWatch.Core.Tests.Pipeline.Fetching;

/// <summary>Allows everything and reports one Crawl-delay for every host; counts the questions.</summary>
internal sealed class FixedRobotsPolicy(TimeSpan? crawlDelay, bool allowed = true) : IRobotsPolicy
{
    public int Checks { get; private set; }

    public Task<RobotsDecision> CheckAsync(Uri url, CancellationToken cancellationToken = default)
    {
        Checks++;
        return Task.FromResult(new RobotsDecision(allowed, crawlDelay, "test policy"));
    }
}
