using System.Text.Json;
using FeedWatch.Core.Serialization;
using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Promotion;

namespace FeedWatch.Core.Tests.Stories.Events;

/// <summary>
/// Event granularity on a small saga written for this test: the Senate passes a bill (two outlets, two framings of one
/// event), six days later the House passes it (a later development with new days, votes and participants). The
/// later development starts a new story that records <c>follows</c>; the differently framed same-day report joins.
/// </summary>
public sealed class EventGranularityTests
{
    private static readonly StoryArticle SenateVote = new(
        "senate-left", "left.example", "https://left.example/senate", new DateTimeOffset(2021, 4, 6, 15, 0, 0, TimeSpan.Zero),
        "Senate passes Harbor Bridge infrastructure bill 52-48",
        "WASHINGTON — The Senate on Tuesday passed the Harbor Bridge infrastructure bill by 52 votes to 48 after Senator Maria Kessler of Ohio secured the final votes. " +
        "The bill funds repairs of bridges, ports and rail lines across the country. Kessler said the vote showed that both parties could still agree on roads and bridges. " +
        "The measure now goes to the House, where Speaker Daniel Okafor has promised a vote within weeks.");

    private static readonly StoryArticle SenateVoteOtherFraming = new(
        "senate-right", "right.example", "https://right.example/senate", new DateTimeOffset(2021, 4, 6, 20, 0, 0, TimeSpan.Zero),
        "Democrats ram costly Harbor Bridge bill through Senate",
        "Senate Democrats on Tuesday pushed the Harbor Bridge infrastructure bill through the chamber on a 52-48 vote, with Senator Maria Kessler of Ohio delivering the last votes for the spending plan. " +
        "Critics warned that the price of the bridges, ports and rail projects would swell the deficit. " +
        "The House under Speaker Daniel Okafor is expected to take up the measure.");

    private static readonly StoryArticle HouseVote = new(
        "house-centre", "centre.example", "https://centre.example/house", new DateTimeOffset(2021, 4, 12, 16, 0, 0, TimeSpan.Zero),
        "House passes Harbor Bridge infrastructure bill 220-211, sends it to president",
        "The House on Monday passed the Harbor Bridge infrastructure bill 220-211, sending the measure to President Alana Reyes, who said she would sign it. " +
        "Speaker Daniel Okafor held the vote after Representative Tom Whitfield of Texas won changes to the rail money. " +
        "The Senate passed the bridges, ports and rail bill last week.");

    private static readonly StoryArticle HouseVoteRightOutlet = HouseVote with
    {
        Id = "house-right",
        Outlet = "right.example",
        Url = "https://right.example/house",
        Published = HouseVote.Published!.Value.AddHours(2),
    };

    /// <summary>Classifies as the pipeline does: the best match, else a new story; returns the story of each article.</summary>
    private static List<string> Classify(StoryEngine engine, IEnumerable<StoryArticle> articles, SpreadTracker? spread = null, List<string>? alerts = null)
    {
        var stories = new List<string>();
        foreach (var article in articles)
        {
            var matches = engine.Match(article);
            var storyId = matches.Count > 0 ? matches[0].StoryId : $"story-{engine.ActiveStoryCount + 1}";
            engine.Add(storyId, article);
            stories.Add(storyId);
            if (spread?.Observe(storyId, article.Outlet, article.Published) is { IsNewOutlet: true })
            {
                alerts?.Add($"{storyId} {article.Outlet}");
            }
        }

        return stories;
    }

    [Fact]
    public void A_same_event_report_in_another_framing_joins()
    {
        var stories = Classify(new StoryEngine(), [SenateVote, SenateVoteOtherFraming]);
        Assert.Equal(stories[0], stories[1]);
    }

    [Fact]
    public void A_later_development_with_new_days_votes_and_participants_starts_a_story_that_follows_the_first()
    {
        var engine = new StoryEngine();
        var stories = Classify(engine, [SenateVote, SenateVoteOtherFraming, HouseVote]);
        Assert.Equal(stories[0], stories[1]);
        Assert.NotEqual(stories[0], stories[2]);
        Assert.Equal(stories[0], engine.FollowsOf(stories[2]));
        Assert.Null(engine.FollowsOf(stories[0]));
    }

    [Fact]
    public void Without_the_event_day_rule_the_later_development_merges_into_the_saga()
    {
        // The control: the same articles with the rule off. The rule, not the text alone, keeps the events apart.
        var engine = new StoryEngine(new StoryEngineOptions { EventDateMismatchFactor = 1 });
        var stories = Classify(engine, [SenateVote, SenateVoteOtherFraming, HouseVote]);
        Assert.Equal(stories[0], stories[2]);
    }

    [Fact]
    public void The_follows_link_and_event_days_are_persisted_and_a_restarted_engine_decides_the_same()
    {
        var engine = new StoryEngine();
        var stories = Classify(engine, [SenateVote, SenateVoteOtherFraming, HouseVote]);
        var profile = engine.Add(stories[2], HouseVote with { Id = "house-copy", Outlet = "copy.example" });
        Assert.Equal(stories[0], profile.Follows);
        Assert.Equal(new DateOnly(2021, 4, 12), profile.EventDayFirst);

        // Through JSON, as the story document stores it.
        var json = JsonSerializer.Serialize(profile, FeedWatchJson.Options);
        Assert.Contains("\"follows\"", json, StringComparison.Ordinal);
        var restored = JsonSerializer.Deserialize<StoryProfile>(json, FeedWatchJson.Options)!;
        Assert.Equal(profile.Follows, restored.Follows);
        Assert.Equal(profile.EventDayFirst, restored.EventDayFirst);

        var restarted = new StoryEngine();
        restarted.Load(JsonSerializer.Deserialize<StoryProfile>(JsonSerializer.Serialize(engine.Add(stories[0], SenateVote with { Id = "senate-copy", Outlet = "copy2.example" }), FeedWatchJson.Options), FeedWatchJson.Options)!);
        restarted.Load(restored);
        Assert.Equal(stories[0], restarted.FollowsOf(stories[2]));

        // Both engines score the next article the same way (a second outlet's report of the House vote).
        var next = HouseVoteRightOutlet with { Id = "house-next" };
        var running = engine.Match(next).Select(m => (m.StoryId, m.Score, m.Relation)).ToList();
        var reloaded = restarted.Match(next).Select(m => (m.StoryId, m.Score, m.Relation)).ToList();
        Assert.Equal(running, reloaded);
        Assert.Equal(stories[2], running[0].StoryId);
    }

    [Fact]
    public void A_following_story_raises_no_spread_alert_for_the_earlier_story()
    {
        var spread = new SpreadTracker();
        var alerts = new List<string>();
        var stories = Classify(new StoryEngine(), [SenateVote, SenateVoteOtherFraming, HouseVote, HouseVoteRightOutlet], spread, alerts);
        // One alert per (story, outlet) after each story's first article: right.example reached the Senate story, and
        // right.example reached the House story; centre.example started the House story and alerts nothing on the Senate one.
        Assert.Equal([$"{stories[0]} right.example", $"{stories[2]} right.example"], alerts);
        Assert.DoesNotContain(spread.Outlets(stories[0]), o => o == "centre.example");
    }

    [Fact]
    public void Undated_articles_that_name_different_weekdays_are_damped_only_with_the_weekday_rule()
    {
        var first = SenateVote with { Published = null };
        var later = HouseVote with { Published = null };
        double ScoreWith(bool weekdays)
        {
            var engine = new StoryEngine(new StoryEngineOptions { EventWeekdays = weekdays });
            engine.Add("s1", first);
            return engine.Explain(later, 1)[0].Score.Score;
        }

        Assert.Equal(ScoreWith(false) * new StoryEngineOptions().EventDateMismatchFactor, ScoreWith(true), 5);
    }
}
