namespace FeedWatch.Core.Alerts;

/// <summary>An outlet a story has reached, when, and with which article.</summary>
public sealed record OutletSighting(string Outlet, DateTimeOffset FirstSeen, string ArticleId, string? ArticleUrl);
