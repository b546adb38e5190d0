namespace FeedWatch.Core.Stories;

/// <summary>
/// A consolidation revision: story <see cref="From"/> turned out to be part of <see cref="Into"/> and was merged into it.
/// <see cref="Profile"/> is the target's profile after the merge.
/// </summary>
public sealed record StoryMerged(string From, string Into, StoryProfile Profile);
