using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Queries;

namespace FeedWatch.Core.Tests.Stories;

public sealed class StoryEngineTests
{
    private static StoryEngine WithWireStory(out StoryProfile profile)
    {
        var engine = new StoryEngine();
        profile = engine.Add("bridge", Fixtures.Article("wire-1", "wire.example", "Footbridge collapses in Eastbrook", Fixtures.Wire));
        return engine;
    }

    [Fact]
    public void A_later_event_recalling_the_story_in_its_background_agrees_less_on_names_than_by_its_whole_text()
    {
        const string first = "Riverton Hawks guard Marcus Delane was arrested on Tuesday on suspicion of drunk driving. "
            + "Delane failed sobriety tests near Oakfield, the highway patrol said. Delane was released on bail. "
            + "The Hawks said they would not discipline Delane before the playoff game in Carlow. "
            + "Delane had been on probation for an earlier arrest.";
        const string later = "Riverton Hawks centre Tomas Brevik was arrested on Sunday on suspicion of drunk driving. "
            + "Brevik was stopped for speeding outside Riverton, the highway patrol said. Brevik was released on bail. "
            + "The team said it was disappointed. Officers gave no blood-alcohol figures. "
            + "It is the team's second such arrest this winter: guard Marcus Delane was arrested near Oakfield last month, "
            + "and Delane is due in court in Carlow next week.";
        double ScoreWith(bool ledeNames)
        {
            var engine = new StoryEngine(new StoryEngineOptions { LedeNameAgreement = ledeNames });
            engine.Add("delane", Fixtures.Article("a-1", "first.example", "Hawks guard Delane arrested", first));
            return engine.Explain(Fixtures.Article("b-1", "second.example", "Hawks centre arrested", later), 1).Single().Score.Score;
        }

        // The whole text names Delane, Oakfield and Carlow (background); the lede names Brevik, whom the story lacks.
        Assert.True(ScoreWith(ledeNames: true) < ScoreWith(ledeNames: false) - 0.01, $"{ScoreWith(true):F3} vs {ScoreWith(false):F3}");
    }

    [Fact]
    public void Verbatim_reprint_with_other_boilerplate_is_a_copy_of_the_wire_article()
    {
        var engine = WithWireStory(out _);
        var reprint = Fixtures.Article("d-1", "daily.example", "Bridge collapse injures 14", "Daily Example | Local news | Subscribe\n\n" + Fixtures.Wire + "\n\nShare this story. Copyright Daily Example.", 2);

        var match = Assert.Single(engine.Match(reprint));

        Assert.Equal("bridge", match.StoryId);
        Assert.Equal(ReuseRelation.Copy, match.Relation);
        Assert.Equal("wire-1", match.SourceArticleId);
        Assert.NotEmpty(match.Passages);
        Assert.All(match.Passages, p => Assert.Equal(p.ArticleText, p.SourceText));
    }

    [Fact]
    public void Synonym_spun_copy_is_spun()
    {
        var engine = WithWireStory(out _);

        var match = Assert.Single(engine.Match(Fixtures.Article("s-1", "spinner.example", "Eastbrook footbridge falls", Fixtures.Spun, 30)));

        Assert.Equal(ReuseRelation.Spun, match.Relation);
        Assert.Contains(match.Passages, p => p.ArticleText.Contains("fell down", StringComparison.Ordinal) && p.SourceText.Contains("collapsed", StringComparison.Ordinal));
    }

    [Fact]
    public void Aggregator_page_embedding_the_story_matches_by_containment()
    {
        var engine = WithWireStory(out _);
        var page = "Today's headlines. " + Fixtures.OtherEvent + " Meanwhile in Eastbrook: " + Fixtures.Wire + " Weather: sunny spells, 18 degrees. Sports: Eastbrook Rovers drew 2-2 at home.";

        var match = Assert.Single(engine.Match(Fixtures.Article("agg-1", "aggregator.example", "Morning briefing", page, 3)));

        Assert.Equal("bridge", match.StoryId);
        Assert.NotEqual(ReuseRelation.Independent, match.Relation);
    }

    [Fact]
    public void Independent_coverage_of_the_same_event_joins_as_independent()
    {
        var engine = WithWireStory(out _);

        var match = Assert.Single(engine.Match(Fixtures.Article("own-1", "herald.example", "Eastbrook footbridge gives way, 14 hurt", Fixtures.OwnWords, 4)));

        Assert.Equal("bridge", match.StoryId);
        Assert.Equal(ReuseRelation.Independent, match.Relation);
        Assert.Equal("wire-1", match.SourceArticleId);
    }

    [Fact]
    public void A_similar_but_different_event_starts_its_own_story()
    {
        var engine = WithWireStory(out _);

        Assert.Empty(engine.Match(Fixtures.Article("other-1", "herald.example", "Northgate road bridge partly collapses", Fixtures.OtherEvent, 5)));
    }

    [Fact]
    public void Match_does_not_change_the_index()
    {
        var engine = WithWireStory(out _);
        var spun = Fixtures.Article("s-1", "spinner.example", "Eastbrook footbridge falls", Fixtures.Spun, 30);

        var first = engine.Match(spun);
        var second = engine.Match(spun);

        Assert.Equal(first.Single().Score, second.Single().Score);
        Assert.Equal(1, engine.ActiveStoryCount);
    }

    [Fact]
    public void Profile_stays_bounded_and_keeps_the_origin()
    {
        var engine = WithWireStory(out var profile);
        for (var i = 0; i < 30; i++)
        {
            var text = $"Update {i}: " + Fixtures.OwnWords + $" Officials gave update number {i} at {i}:00, naming inspector number {1000 + i}.";
            profile = engine.Add("bridge", Fixtures.Article($"u-{i}", $"outlet{i}.example", $"Update {i}", text, 6 + i), profile);
        }

        Assert.Equal(31, profile.ArticleCount);
        Assert.True(profile.Representatives.Count <= engine.Options.RepresentativesPerStory);
        Assert.True(profile.Terms.Count <= engine.Options.StoryTerms);
        Assert.Equal("wire-1", profile.Representatives[0].Id);
        Assert.Equal("wire.example", profile.OriginOutlet);
    }

    [Fact]
    public void Load_rebuilds_the_index_from_a_persisted_profile()
    {
        WithWireStory(out var profile);
        var restarted = new StoryEngine();

        restarted.Load(profile);
        var match = Assert.Single(restarted.Match(Fixtures.Article("d-1", "daily.example", "Bridge collapse injures 14", Fixtures.Wire, 2)));

        Assert.Equal("bridge", match.StoryId);
        Assert.Equal(ReuseRelation.Copy, match.Relation);
    }

    [Fact]
    public void Expire_removes_stories_older_than_the_window()
    {
        var engine = WithWireStory(out _);
        var published = Fixtures.Article("x", "x.example", "", "").Published!.Value;

        Assert.Equal(0, engine.Expire(published + engine.Options.ActiveWindow - TimeSpan.FromHours(1)));
        Assert.Equal(1, engine.Expire(published + engine.Options.ActiveWindow + TimeSpan.FromHours(1)));
        Assert.Empty(engine.Match(Fixtures.Article("d-1", "daily.example", "Bridge collapse injures 14", Fixtures.Wire, 2)));
    }

    [Fact]
    public void Query_tracked_story_catches_matching_articles_only()
    {
        var engine = new StoryEngine();
        engine.Track("q", StoryQuery.Parse("entity:\"Eastbrook\" AND (bridge OR footbridge) NOT Northgate"));

        Assert.Equal("q", Assert.Single(engine.Match(Fixtures.Article("own-1", "herald.example", "Footbridge gives way", Fixtures.OwnWords))).StoryId);
        Assert.Empty(engine.Match(Fixtures.Article("other-1", "herald.example", "Road bridge collapses", Fixtures.OtherEvent)));
    }

    [Fact]
    public void Same_input_in_same_order_gives_same_output()
    {
        static string Run()
        {
            var engine = new StoryEngine();
            var log = new List<string>();
            var articles = new[]
            {
                Fixtures.Article("a", "wire.example", "Footbridge collapses", Fixtures.Wire),
                Fixtures.Article("b", "other.example", "Road bridge", Fixtures.OtherEvent, 1),
                Fixtures.Article("c", "spin.example", "Falls", Fixtures.Spun, 2),
                Fixtures.Article("d", "herald.example", "Gives way", Fixtures.OwnWords, 3),
            };
            var next = 0;
            foreach (var article in articles)
            {
                var matches = engine.Match(article);
                var story = matches.Count > 0 ? matches[0].StoryId : $"s{next++}";
                log.Add($"{article.Id}:{story}:{string.Join(",", matches.Select(m => $"{m.StoryId}/{m.Relation}/{m.Score:R}/{m.Passages.Count}"))}");
                engine.Add(story, article);
            }

            return string.Join("\n", log);
        }

        Assert.Equal(Run(), Run());
    }
}
