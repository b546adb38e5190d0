namespace FeedWatch.Core.Stories.Evaluation;

/// <summary>
/// The configurations the generalization harness chooses among: the shipped default first (it wins ties), then one step
/// either way of the engine's main join bar. The shipped default is one configuration for every corpus and language; the
/// harness shows whether choosing among these without a corpus would have picked something that does worse on it.
/// </summary>
public static class FoldGrid
{
    public static IReadOnlyList<FoldCandidate> Candidates()
    {
        var shipped = new StoryEngineOptions();
        return
        [
            new("default", shipped),
            new("topic-join 0.12", shipped with { TopicJoinThreshold = 0.12 }),
            new("topic-join 0.18", shipped with { TopicJoinThreshold = 0.18 }),
            new("name-weight 0.2", shipped with { NameAgreementWeight = 0.2 }),
            new("name-weight 0.6", shipped with { NameAgreementWeight = 0.6 }),
        ];
    }
}
