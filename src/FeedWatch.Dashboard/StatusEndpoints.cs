using FeedWatch.Core.Pipeline.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FeedWatch.Dashboard;

/// <summary>
/// GET /api/status: the same document as `feedwatch status --json` (queues, poison, feeds, last activity, sinks).
/// Answers 200 when healthy and 503 when something needs attention, so a load balancer or uptime check can probe it.
/// </summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapFeedWatchStatus(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/status", async (PipelineStatusReader reader, CancellationToken ct) =>
        {
            var status = await reader.ReadAsync(ct).ConfigureAwait(false);
            return Results.Json(status, statusCode: status.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
