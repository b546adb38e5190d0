namespace FeedWatch.Core.Stories;

/// <summary>
/// The in-memory index of active stories that the classify stage (and `feedwatch eval stories`) matches against.
/// The persistent truth is each story's <see cref="StoryProfile"/> in the blob store; an engine is rebuilt from those
/// on start-up and refreshed with <see cref="Load"/> when another worker changed a story. Deterministic: the same
/// calls in the same order give the same answers.
/// </summary>
public interface IStoryEngine
{
    /// <summary>
    /// The stories this article belongs to (the engine applies its own join threshold), best first.
    /// Empty means the article starts a new story. Does not change the index.
    /// </summary>
    IReadOnlyList<StoryMatch> Match(StoryArticle article);

    /// <summary>Adds the article to a story (creating it when <paramref name="storyId"/> is new) and returns the story's updated, bounded profile.</summary>
    StoryProfile Add(string storyId, StoryArticle article, StoryProfile? current = null);

    /// <summary>Puts a persisted profile into the index, replacing any older version of the same story.</summary>
    void Load(StoryProfile profile);

    /// <summary>Removes stories whose last article is older than the active window.</summary>
    int Expire(DateTimeOffset now);

    /// <summary>
    /// Revises earlier decisions with what has arrived since (call after each article's <see cref="Add"/>): a small story
    /// whose representatives now all join one other story is merged into it. Returns the merges made, in order. A
    /// re-check left overdue for a whole re-check period (no consolidation called meanwhile) is dropped.
    /// </summary>
    IReadOnlyList<StoryMerged> Consolidate();

    /// <summary>Merges story <paramref name="fromId"/> into <paramref name="intoId"/> and returns the target's profile.</summary>
    StoryProfile Merge(string fromId, string intoId);

    /// <summary>Drops a story from the index (merged into another by any worker).</summary>
    void Remove(string storyId);
}
