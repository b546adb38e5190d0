using FeedWatch.Replay.Corpus;

namespace FeedWatch.Reliability.Tests.Support;

/// <summary>
/// The corpus the fault-injection runs replay: the seed story (five outlets, one tracked) plus the first 24 BASIL
/// articles on three more outlets as noise — 29 articles, small enough for many runs, with both a story to spread
/// and articles that must stay out of it.
/// </summary>
internal static class SeedStoryCorpus
{
    public static List<CorpusArticle> WithNoise() =>
        CorpusReader.ReadFile(RepoPaths.SharedData("stories", "seeds.jsonl"))
            .Concat(CorpusReader.ReadFile(RepoPaths.SharedData("stories", "basil.jsonl")).Take(24))
            .ToList();
}
