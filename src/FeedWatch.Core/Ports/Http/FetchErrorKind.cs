namespace FeedWatch.Core.Ports.Http;

public enum FetchErrorKind
{
    HttpStatus,
    Timeout,
    Network,
    TooLarge,
    TooManyRedirects,
    BlockedAddress,
    InvalidUrl,
    Decompression,

    /// <summary>The site's robots.txt does not allow FeedWatch to fetch this URL.</summary>
    DisallowedByRobots,

    /// <summary>The host's request budget for the current window is spent (FeedWatch:Http:MaxRequestsPerHostPerWindow).</summary>
    HostBudgetExhausted,
}
