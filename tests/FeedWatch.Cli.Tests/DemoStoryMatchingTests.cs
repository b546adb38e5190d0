using FeedWatch.Cli.Demo;
using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using Xunit.Abstractions;

namespace FeedWatch.Cli.Tests;

/// <summary>
/// Cold start, on the demo's own articles straight through the story engine: the tracked story is started from the seed
/// article, every other article arrives in release order into an index of a dozen articles, and the tracked story must
/// end with exactly the five desalination articles (the lantern festival article, same town, different event, stays out).
/// </summary>
public sealed class DemoStoryMatchingTests(ITestOutputHelper output)
{
    private static readonly string[] Desalination = ["desalination-plant-shut", "water-rationing", "water-plant-closed", "calloway-water-roundup"];

    [Fact]
    public void The_tracked_story_ends_with_exactly_its_five_articles()
    {
        var corpus = DemoCorpus.Load();
        var engine = new StoryEngine();
        var seed = corpus.SeedPage;
        engine.Add("tracked", ToArticle(corpus.SeedHost, seed));
        var members = new List<string> { corpus.SeedHost + "/" + seed.Slug };
        var next = 0;
        var arrivals = corpus.Sites.SelectMany(s => s.Pages.Select(p => (Host: s.Host, Page: p)))
            .Where(x => !(x.Host == corpus.SeedHost && x.Page.Slug == seed.Slug))
            .OrderBy(x => x.Page.ReleaseAfter).ThenBy(x => x.Page.Published).ThenBy(x => x.Host, StringComparer.Ordinal);
        foreach (var (host, page) in arrivals)
        {
            var article = ToArticle(host, page);
            foreach (var (storyId, score, _) in engine.Explain(article, 2))
            {
                output.WriteLine($"{host}/{page.Slug} vs {storyId}: joined={score.Joined} reuse={score.Reuse:F3} cos={score.Topic.Cosine:F3} names={score.Topic.NameAgreement:F2} time={score.TimeFactor:F2} score={score.Score:F3}");
            }

            var matches = engine.Match(article);
            var story = matches.Count > 0 ? matches[0].StoryId : $"story-{++next}";
            engine.Add(story, article);
            if (story == "tracked")
            {
                members.Add(host + "/" + page.Slug);
            }
        }

        Assert.Equal(5, members.Count);
        Assert.All(members, m => Assert.Contains(Desalination, d => m.EndsWith("/" + d, StringComparison.Ordinal)));
    }

    private static StoryArticle ToArticle(string host, OutletPage page) =>
        new($"{host}/{page.Slug}", host, $"http://{host}{page.Path}", page.Published, page.Title, string.Join("\n\n", page.Paragraphs));
}
