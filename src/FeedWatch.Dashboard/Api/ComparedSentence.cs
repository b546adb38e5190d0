namespace FeedWatch.Dashboard.Api;

/// <summary>A sentence; <see cref="Passage"/> numbers the matched pair it belongs to, so both sides highlight alike.</summary>
public sealed record ComparedSentence(string Text, int? Passage, double? Similarity);
