using System.Text.Json;
using FeedWatch.Core.Serialization;
using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>
/// Consolidation: a small story re-checked <see cref="StoryEngineOptions.RecheckAfterArticles"/> articles after its
/// birth merges into the one story all its representatives now join; merges are deterministic and an engine rebuilt
/// from the persisted profiles makes exactly the merges the running engine would have made.
/// </summary>
public sealed class ConsolidationTests
{
    private static readonly Lazy<StoryArticle[]> Ecb = new(() =>
    {
        using var reader = File.OpenText(SharedData.PathOf("stories/ecbplus-odd-topics.jsonl"));
        return [.. StoryCorpusReader.InPublishedOrder(StoryCorpusReader.Read(reader)).Select(a => a.ToStoryArticle())];
    });

    /// <summary>
    /// Classifies as the pipeline does (best match or a new story, then consolidate), persisting every profile as JSON;
    /// at <paramref name="restartAt"/> the engine is replaced by one that only loads the persisted profiles of the
    /// stories not merged away, in a shuffled order, and consolidates once before matching (as the pipeline's story
    /// index does after loading). At <paramref name="crashAt"/> the article's profile is persisted but the process dies
    /// before the merges its consolidation made reach the profiles, and the engine restarts at once. Returns one line
    /// per article and one per merge.
    /// </summary>
    private static List<string> Run(IReadOnlyList<StoryArticle> articles, int restartAt = 0, StoryEngineOptions? options = null, int crashAt = -1)
    {
        if (crashAt >= 0)
        {
            restartAt = crashAt + 1;
        }

        var engine = new StoryEngine(options);
        var persisted = new Dictionary<string, string>(StringComparer.Ordinal);
        var log = new List<string>();
        var next = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            if (restartAt > 0 && i == restartAt)
            {
                engine = new StoryEngine(options);
                var random = new Random(7);
                foreach (var json in persisted.Values.OrderBy(_ => random.Next()))
                {
                    engine.Load(JsonSerializer.Deserialize<StoryProfile>(json, FeedWatchJson.Options)!);
                }

                Consolidated(engine, persisted, log);
            }

            var article = articles[i];
            var matches = engine.Match(article);
            var story = matches.Count > 0 ? matches[0].StoryId : $"story-{++next}";
            log.Add($"{article.Id} -> {story} [{string.Join("; ", matches.Select(m => $"{m.StoryId} {m.Relation} {m.Score:R}"))}]");
            var current = persisted.TryGetValue(story, out var json0) ? JsonSerializer.Deserialize<StoryProfile>(json0, FeedWatchJson.Options) : null;
            persisted[story] = JsonSerializer.Serialize(engine.Add(story, article, current), FeedWatchJson.Options);
            if (i != crashAt)
            {
                Consolidated(engine, persisted, log);
            }
        }

        return log;
    }

    private static void Consolidated(StoryEngine engine, Dictionary<string, string> persisted, List<string> log)
    {
        foreach (var merge in engine.Consolidate())
        {
            log.Add($"merged {merge.From} into {merge.Into} ({merge.Profile.ArticleCount} articles)");
            persisted.Remove(merge.From);
            persisted[merge.Into] = JsonSerializer.Serialize(merge.Profile, FeedWatchJson.Options);
        }
    }

    [Fact]
    public void Small_fragments_merge_into_the_story_they_now_join_and_only_once_due()
    {
        var log = Run(Ecb.Value);
        var merges = log.Where(l => l.StartsWith("merged ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(merges);

        // No story is merged before it is RecheckAfterArticles articles old: a merge line follows article 32 at the earliest.
        var firstMerge = log.FindIndex(l => l.StartsWith("merged ", StringComparison.Ordinal));
        Assert.True(firstMerge >= 32, $"first merge at line {firstMerge}");

        // After a merge nothing joins the merged-away story again.
        foreach (var merge in merges)
        {
            var from = merge.Split(' ')[1];
            var at = log.IndexOf(merge);
            Assert.DoesNotContain(log.Skip(at + 1), l => l.Contains($"-> {from} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_seed_story_split_by_an_early_spun_copy_is_one_story_once_later_traffic_arrives()
    {
        // The 28 arrival orders that split the seeds at arrival (RestartAndArrivalOrderTests): the month-later spun copy
        // starts a story of its own, or meets first and older independent coverage (no time bonus that far before a
        // story's first report) starts another. RecheckAfterArticles unrelated articles later, the re-check merges them.
        using var reader = File.OpenText(SharedData.PathOf("stories/seeds.jsonl"));
        var seeds = StoryCorpusReader.Read(reader).Select(a => a.ToStoryArticle()).ToArray();
        var synthetic = new SyntheticArticles();
        var filler = Enumerable.Range(0, 40).Select(i => synthetic.Create(i)).ToArray();
        var split = 0;
        foreach (var order in Orders(seeds))
        {
            var log = Run([.. order, .. filler]);
            var story = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in log)
            {
                var parts = line.Split(' ');
                if (parts[0] == "merged")
                {
                    foreach (var key in story.Keys.Where(k => story[k] == parts[1]).ToList())
                    {
                        story[key] = parts[3];
                    }
                }
                else if (parts[0].StartsWith("seed-", StringComparison.Ordinal))
                {
                    story[parts[0]] = parts[2];
                }
            }

            var atArrival = log.Where(l => l.StartsWith("seed-", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).Distinct().Count();
            split += atArrival > 1 ? 1 : 0;
            Assert.True(story.Values.Distinct().Count() == 1, "one story expected after consolidation:\n" + string.Join("\n", log.Take(8)));
        }

        Assert.Equal(28, split);
    }

    private static IEnumerable<StoryArticle[]> Orders(StoryArticle[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var rest in Orders([.. items.Take(i), .. items.Skip(i + 1)]))
            {
                yield return [items[i], .. rest];
            }
        }
    }

    [Fact]
    public void Turning_the_recheck_off_makes_no_merges()
    {
        var log = Run(Ecb.Value.Take(200).ToList(), options: new StoryEngineOptions { RecheckAfterArticles = 0 });
        Assert.DoesNotContain(log, l => l.StartsWith("merged ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(45)]
    [InlineData(90)]
    [InlineData(150)]
    public void An_engine_rebuilt_from_the_profiles_makes_the_same_matches_and_merges(int restartAt)
    {
        var articles = Ecb.Value.Take(220).ToList();
        var uninterrupted = Run(articles);
        Assert.Contains(uninterrupted, l => l.StartsWith("merged ", StringComparison.Ordinal));
        Assert.Equal(uninterrupted, Run(articles, restartAt));
    }

    [Fact]
    public void A_crash_between_a_merge_in_memory_and_its_profile_writes_loses_no_merge()
    {
        var articles = Ecb.Value.Take(220).ToList();
        var uninterrupted = Run(articles);

        // The articles whose consolidation merged something: a crash right after each one's own profile was written.
        var crashPoints = new List<int>();
        var article = -1;
        foreach (var line in uninterrupted)
        {
            if (!line.StartsWith("merged ", StringComparison.Ordinal))
            {
                article++;
            }
            else if (crashPoints.LastOrDefault(-1) != article)
            {
                crashPoints.Add(article);
            }
        }

        Assert.NotEmpty(crashPoints);
        foreach (var crashAt in crashPoints.Take(3))
        {
            Assert.Equal(uninterrupted, Run(articles, crashAt: crashAt));
        }
    }

    [Fact]
    public void Merge_sums_counts_keeps_the_earliest_origin_and_records_where_the_story_went()
    {
        var engine = new StoryEngine();
        var day = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var a = new StoryArticle("a1", "one.example", null, day.AddDays(1), "Harbour crane collapses", "A harbour crane collapsed on Monday in Portsmouth, injuring two dock workers.");
        var b = new StoryArticle("b1", "two.example", null, day, "Crane falls at port", "Two dock workers were hurt when a crane fell at the Portsmouth harbour.");
        engine.Add("s-a", a);
        engine.Add("s-b", b);

        var merged = engine.Merge("s-b", "s-a");

        Assert.Equal("s-a", merged.StoryId);
        Assert.Equal(2, merged.ArticleCount);
        Assert.Equal(["s-b"], merged.MergedFrom);
        Assert.Equal("b1", merged.OriginArticleId);
        Assert.Equal("two.example", merged.OriginOutlet);
        Assert.Equal(day, merged.FirstSeen);
        Assert.Equal(["a1", "b1"], merged.Representatives.Select(r => r.Id).Order());
        Assert.Equal(1, engine.ActiveStoryCount);
        Assert.DoesNotContain(engine.Match(b), m => m.StoryId == "s-b");
        Assert.Throws<InvalidOperationException>(() => engine.Merge("s-b", "s-a"));
    }
}
