namespace FeedWatch.Core.Feeds.Extensions;

/// <summary>A media:content (or media:group member): the file, its MIME type, size and medium.</summary>
public sealed record MediaObject(string Url, string? Type, long? FileSize, string? Medium);
