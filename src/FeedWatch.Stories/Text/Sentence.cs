namespace FeedWatch.Stories.Text;

/// <summary>A sentence as a token range plus the character range it came from (to quote it in passages).</summary>
public readonly record struct Sentence(int FirstToken, int TokenCount, int CharStart, int CharLength);
