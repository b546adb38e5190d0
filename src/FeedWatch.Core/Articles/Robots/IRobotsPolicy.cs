namespace FeedWatch.Core.Articles.Robots;

/// <summary>Answers "may FeedWatch fetch this URL?" from the site's robots.txt.</summary>
public interface IRobotsPolicy
{
    Task<RobotsDecision> CheckAsync(Uri url, CancellationToken cancellationToken = default);
}
