namespace FeedWatch.Core.Articles.Parsing;

/// <summary>Page text ready for parsing; <see cref="WasFlattened"/> when over-deep nesting was cut.</summary>
public sealed record PrefilteredHtml(string Html, bool WasFlattened);
