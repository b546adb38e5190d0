using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>
/// The measured figures of docs/stories.md ("Figures"; default configuration, shared corpora read in place) pinned as
/// FLOORS: a regression fails, an improvement passes (then raise the floor and the docs with it). The engine is
/// deterministic, so each floor is the measured figure less 0.0001 (the printed figures are rounded).
/// </summary>
public sealed class CorpusFiguresTests
{
    private static IReadOnlyList<CorpusArticle> Read(string corpus)
    {
        using var reader = File.OpenText(SharedData.PathOf("stories/" + corpus));
        return StoryCorpusReader.Read(reader);
    }

    private static StoryCorpusRun Replay(string corpus) => StoryCorpusRunner.Run(Read(corpus), new StoryEngine());

    private static void AtLeast(double floor, double measured, string what) =>
        Assert.True(measured >= floor, $"{what}: {measured:F4} fell below its floor {floor:F4}");

    [Fact]
    public void Seeds_form_one_story_with_003_copy_and_000_spun()
    {
        var run = Replay("seeds.jsonl");

        Assert.Single(run.Assignments.Select(a => a.Cluster).Distinct());
        Assert.Equal("copy", run.Assignments.Single(a => a.Id == "seed-003").Relation);
        Assert.Equal("spun", run.Assignments.Single(a => a.Id == "seed-000").Relation);
        Assert.Equal(4, run.Alerts.Count);
    }

    [Fact]
    public void Basil_bcubed_f1_holds_its_floor()
    {
        var score = StoryCorpusScore.Of(Replay("basil.jsonl"));
        AtLeast(0.9815, score.BCubed.F1, "BASIL B-cubed F1");
        AtLeast(0.9899, score.BCubed.Precision, "BASIL B-cubed precision");
        AtLeast(0.9732, score.BCubed.Recall, "BASIL B-cubed recall");
        AtLeast(0.95, score.BCubed.F1, "BASIL target");
    }

    [Fact]
    public void Ecbplus_bcubed_f1_holds_its_floor()
    {
        var score = StoryCorpusScore.Of(Replay("ecbplus-odd-topics.jsonl"));
        AtLeast(0.9528, score.BCubed.F1, "ECB+ odd B-cubed F1");
        AtLeast(0.95, score.BCubed.F1, "ECB+ odd target");
        AtLeast(0.90, score.BCubed.Precision, "ECB+ precision where recall >= 0.90");
    }

    [Fact]
    public void Ecbplus_topic_halves_hold_their_floors()
    {
        var (first, second) = TopicHalves.Split(Read("ecbplus-odd-topics.jsonl"));
        AtLeast(0.9631, StoryCorpusScore.Of(StoryCorpusRunner.Run(first, new StoryEngine())).BCubed.F1, "ECB+ topics A B-cubed F1");
        AtLeast(0.9370, StoryCorpusScore.Of(StoryCorpusRunner.Run(second, new StoryEngine())).BCubed.F1, "ECB+ topics B B-cubed F1");
    }

    [Fact]
    public void Uci_spread_event_f1_holds_its_floor()
    {
        var score = StoryCorpusScore.Of(Replay("uci-headlines.jsonl"));
        AtLeast(0.9168, score.Spread.F1, "UCI spread-event F1");
        AtLeast(0.90, score.Spread.F1, "UCI target");
    }

    [Fact]
    public void Clough_stevenson_three_class_accuracy_holds_its_floor()
    {
        using var reader = File.OpenText(SharedData.PathOf("reuse/clough-stevenson.jsonl"));
        var (confusion, accuracy) = RelationEvaluation.Evaluate(RelationEvaluation.Read(reader), new StoryEngine());

        AtLeast(0.8946, accuracy, "Clough-Stevenson accuracy");
        Assert.Equal(95, confusion.Cast<int>().Sum());
    }
}
