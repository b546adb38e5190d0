using FeedWatch.Core.Alerts;
using FeedWatch.Core.Stories;

namespace FeedWatch.Alerts.Tests.Support;

/// <summary>Realistic spread alerts for tests (fictional outlets and text written for these tests).</summary>
public static class SampleAlerts
{
    public static readonly DateTimeOffset Origin = new(2026, 3, 4, 8, 15, 0, TimeSpan.Zero);

    public static SpreadAlert Spread(string outlet = "harbourgazette.example", string storyId = "story-ferry", DateTimeOffset? at = null) => new()
    {
        Id = AlertIds.ForSpread(storyId, outlet),
        StoryId = storyId,
        StoryTitle = "Night ferry to the islands cancelled after hull inspection",
        Outlet = outlet,
        ArticleId = "art-" + outlet.Split('.')[0],
        ArticleUrl = $"https://{outlet}/news/2026/03/ferry-cancelled",
        ArticleTitle = "Island ferry off until further notice",
        ArticlePublished = Origin.AddHours(2),
        Relation = ReuseRelation.Rewrite,
        Score = 0.8132,
        SourceArticleId = "art-coastalherald",
        Passages =
        [
            new MatchedPassage(0, 1, "The night ferry will not sail until inspectors sign off the hull.", "Inspectors must sign off the hull before the night ferry sails again.", 0.74),
            new MatchedPassage(3, 4, "Passengers with tickets get a full refund.", "Ticket holders will receive a full refund.", 0.66),
        ],
        OutletsSoFar =
        [
            new OutletSighting("coastalherald.example", Origin, "art-coastalherald", "https://coastalherald.example/ferry"),
            new OutletSighting(outlet, at ?? Origin.AddHours(3), "art-" + outlet.Split('.')[0], $"https://{outlet}/news/2026/03/ferry-cancelled"),
        ],
        OriginOutlet = "coastalherald.example",
        DetectedAt = at ?? Origin.AddHours(3),
    };
}
