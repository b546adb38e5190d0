using FeedWatch.Replay.Corpus;

namespace FeedWatch.Replay.Schedule;

/// <summary>An article as the replay serves it: its page path on the outlet's host and when it appears.</summary>
public sealed record ReplayArticle(CorpusArticle Article, string HostName, string Path, TimeSpan ReleaseOffset, int Sequence);
