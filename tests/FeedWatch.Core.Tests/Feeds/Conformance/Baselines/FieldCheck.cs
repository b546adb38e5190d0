using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds.Conformance.Baselines;

/// <summary>One expected value of a common field (feed title, item count, item title/link/date) and how to read it from a parse.</summary>
internal sealed record FieldCheck(string Field, string Expected, Func<ParsedFeed, string?> Actual);
