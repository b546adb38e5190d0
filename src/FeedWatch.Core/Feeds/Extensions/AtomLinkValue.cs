namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>An atom:link with its href already resolved against xml:base.</summary>
public sealed record AtomLinkValue(string Href, string Rel, string? Type, string? Title, long? Length);
