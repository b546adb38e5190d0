using FeedWatch.Core.Articles.Robots;

namespace FeedWatch.Core.Tests.Pipeline.Fetching;

/// <summary>Disallows every path under one prefix, allows the rest.</summary>
internal sealed class PathRobotsPolicy(string disallowedPrefix) : IRobotsPolicy
{
    public Task<RobotsDecision> CheckAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var allowed = !url.AbsolutePath.StartsWith(disallowedPrefix, StringComparison.Ordinal);
        return Task.FromResult(new RobotsDecision(allowed, null, allowed ? "allowed" : "disallowed"));
    }
}
