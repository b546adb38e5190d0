using FeedWatch.Core.Configuration;

namespace FeedWatch.Core.Feeds.Opml;

/// <summary>The feeds found in an OPML document, the outlines that were meant as feeds but are unusable, and how many non-feed outlines were passed over.</summary>
public sealed record OpmlFeeds(IReadOnlyList<FeedDefinition> Feeds, IReadOnlyList<OpmlProblem> Invalid, int Ignored);
