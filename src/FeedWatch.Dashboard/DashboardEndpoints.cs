using System.Text.Json.Serialization;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Core.Pipeline.Tracking;
using FeedWatch.Core.Serialization;
using FeedWatch.Dashboard.Api;
using FeedWatch.Dashboard.Assets;
using FeedWatch.Dashboard.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FeedWatch.Dashboard;

/// <summary>
/// The story dashboard: a page (served from this assembly) over a JSON API. Mapped by `feedwatch serve` and `feedwatch run`
/// on top of the same AddFeedWatch() composition, so it reads the embedded folder or Azure Storage alike.
/// </summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddFeedWatchDashboard(this IServiceCollection services)
    {
        services.TryAddSingleton<DashboardQueries>();
        services.AddOptions<DashboardSecurityOptions>().BindConfiguration(DashboardSecurityOptions.SectionName);
        services.ConfigureHttpJsonOptions(o =>
        {
            // The API speaks the same JSON as the stored documents and alerts.
            o.SerializerOptions.PropertyNamingPolicy = FeedWatchJson.Options.PropertyNamingPolicy;
            o.SerializerOptions.Encoder = FeedWatchJson.Options.Encoder;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(FeedWatchJson.Options.PropertyNamingPolicy));
        });
        return services;
    }

    /// <summary>Maps the page and the API behind the dashboard's checks (Host allow-list, token, origin, size and rate limits, headers).</summary>
    public static IEndpointRouteBuilder MapFeedWatchDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app is not IApplicationBuilder pipeline)
        {
            throw new ArgumentException("The dashboard needs an application builder (WebApplication) for its security checks.", nameof(app));
        }

        pipeline.UseMiddleware<DashboardSecurityMiddleware>();
        app.MapGet("/", () => EmbeddedAssets.Serve("index.html"));
        app.MapGet("/assets/{file}", (string file) => EmbeddedAssets.Serve(file));

        var api = app.MapGroup("/api");
        api.MapGet("/stories", (string? q, DashboardQueries queries, CancellationToken ct) => queries.ListStoriesAsync(q, ct));
        api.MapGet("/stories/{id}", async (string id, DashboardQueries queries, CancellationToken ct) =>
            !DocumentId.IsValid(id) ? DocumentId.BadRequest("id")
            : await queries.GetStoryAsync(id, ct) is { } story ? Results.Ok(story) : Results.NotFound());
        api.MapPost("/stories", TrackAsync);
        api.MapPut("/stories/{id}/alerting", SaveAlertingAsync);
        api.MapGet("/articles/{id}", async (string id, DashboardQueries queries, CancellationToken ct) =>
            !DocumentId.IsValid(id) ? DocumentId.BadRequest("id")
            : await queries.GetArticleAsync(id, ct) is { } article ? Results.Ok(article) : Results.NotFound());
        api.MapGet("/compare", async (string article, string? source, DashboardQueries queries, CancellationToken ct) =>
            !DocumentId.IsValid(article) ? DocumentId.BadRequest("article")
            : source is not null && !DocumentId.IsValid(source) ? DocumentId.BadRequest("source")
            : await queries.CompareAsync(article, source, ct) is { } comparison ? Results.Ok(comparison) : Results.NotFound());
        api.MapGet("/alerts", async (int? limit, PipelineQueries queries, CancellationToken ct) =>
            limit is < 1 or > MaxAlerts
                ? Results.BadRequest(new { error = $"limit must be between 1 and {MaxAlerts}." })
                : Results.Ok(await queries.ListAlertsAsync(limit ?? 100, ct)));
        app.MapFeedWatchStatus();
        return app;
    }

    private static async Task<IResult> TrackAsync(TrackStoryRequest request, StoryTracker tracker, CancellationToken ct)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(request.Url) && Uri.TryCreate(request.Url, UriKind.Absolute, out var url))
            {
                return Results.Ok(await tracker.TrackUrlAsync(url, request.Title, ct));
            }

            if (!string.IsNullOrWhiteSpace(request.Text))
            {
                return Results.Ok(await tracker.TrackTextAsync(request.Text, request.Title ?? FirstLine(request.Text), ct));
            }

            return Results.BadRequest(new { error = "Give an absolute article URL or the article's text." });
        }
        catch (TrackingException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }

    private const int MaxAlerts = 1000;

    private static async Task<IResult> SaveAlertingAsync(
        string id,
        StoryAlertSettings settings,
        DashboardQueries queries,
        StoryAlertSettingsStore store,
        StoredStoryAlertSettingsProvider provider,
        AlertDispatcher dispatcher,
        CancellationToken ct)
    {
        if (!DocumentId.IsValid(id))
        {
            return DocumentId.BadRequest("id");
        }

        if (!await queries.StoryExistsAsync(id, ct))
        {
            return Results.NotFound(new { error = $"No story {id}." });
        }

        // A sink name nobody configured would silently drop the story's alerts: refuse it and say which names exist.
        var known = dispatcher.SinkNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = settings.Sinks.Where(s => !known.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            return Results.BadRequest(new { error = $"Unknown sink(s) {string.Join(", ", unknown)}; configured sinks: {string.Join(", ", known.Order(StringComparer.Ordinal))}." });
        }

        try
        {
            await store.SaveAsync(id, settings, ct);
            await provider.RefreshAsync(ct);
            return Results.Ok(provider.For(id));
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }

    private static string FirstLine(string text) => text.Trim().Split('\n', 2)[0].Trim() is { Length: > 0 } line ? line[..Math.Min(line.Length, 120)] : "Untitled story";
}
