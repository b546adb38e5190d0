namespace FeedWatch.Core.Pipeline.Classification;

/// <summary>The outcome of adding an article to a story: whether it changed anything and which alerts still await delivery.</summary>
public sealed record StoryUpdateResult(string StoryId, bool Changed, bool Created, IReadOnlyList<string> PendingAlertIds);
