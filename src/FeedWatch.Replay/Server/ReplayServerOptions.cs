using Microsoft.AspNetCore.Http;

namespace FeedWatch.Replay.Server;

/// <summary>How the replay server listens and what its feeds hold.</summary>
public sealed record ReplayServerOptions
{
    /// <summary>The loopback port; 0 picks a free one (read it back from <see cref="ReplayServer.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>The clock releases follow; tests pass a manual one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How many of the newest released items a feed lists; null lists every released item (nothing can scroll off).</summary>
    public int? MaxItemsPerFeed { get; init; }

    /// <summary>How many other stories of the same outlet each article page links to.</summary>
    public int RelatedLinks { get; init; } = 5;

    /// <summary>
    /// Runs before the replay answers a request; returning true means the interceptor answered it. Fault-injection and
    /// hostile-input tests use it to fail, slow down or redirect chosen requests.
    /// </summary>
    public Func<HttpContext, ValueTask<bool>>? Interceptor { get; init; }
}
