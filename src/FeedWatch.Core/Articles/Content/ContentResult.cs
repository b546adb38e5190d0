namespace FeedWatch.Core.Articles.Content;

/// <summary>The main text of one content pass, its non-space length, and whether the walk was capped or the page is a paywall stub.</summary>
internal sealed record ContentResult(string Text, int VisibleLength, bool Capped, bool Partial);
