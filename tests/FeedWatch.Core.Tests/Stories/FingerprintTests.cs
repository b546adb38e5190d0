using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Passages;
using FeedWatch.Stories.Relations;
using FeedWatch.Stories.Text;

namespace FeedWatch.Core.Tests.Stories;

public sealed class FingerprintTests
{
    [Fact]
    public void Analyzer_splits_sentences_but_not_after_abbreviations()
    {
        var text = TextAnalyzer.Analyze("Mr. Smith met the U.S. envoy on Friday. They spoke for 2.5 hours! Then 5,000 people marched.");

        Assert.Equal(3, text.Sentences.Length);
        Assert.Equal("Then 5,000 people marched", text.SentenceText(2).TrimEnd('.'));
        Assert.Contains(text.Tokens, t => t.IsNumber && text.Text.Substring(t.Start, t.Length) == "5,000");
    }

    [Fact]
    public void Lede_terms_weigh_more_than_the_same_terms_in_background_paragraphs()
    {
        // "Williams" is the lede's subject, "Jackson" only background further down; each is named exactly twice.
        const string text = "Chargers tackle Williams was arrested on Sunday. Williams was released on bail. "
            + "The team said little. Officers gave no details. Fans were surprised. The season ended early. "
            + "Receiver Jackson was arrested last month. Jackson is due in court.";
        var article = new StoryArticle("lede", "example.com", null, null, "", text);
        var withLede = new ArticleFingerprinter(new StoryEngineOptions(), new DocumentFrequencies()).Build(article).Topic;
        var without = new ArticleFingerprinter(new StoryEngineOptions { LedeWeight = 0 }, new DocumentFrequencies()).Build(article).Topic;

        static float WeightOf(TopicVector topic, string word) => topic.Weights[topic.IndexOf(TermIds.Of(TextAnalyzer.Analyze(word).Tokens[0].Stem))];

        Assert.Equal(WeightOf(without, "williams"), WeightOf(without, "jackson"));
        Assert.True(WeightOf(withLede, "williams") > WeightOf(withLede, "jackson") * 1.2f);
        Assert.Equal(WeightOf(without, "jackson"), WeightOf(withLede, "jackson"));
    }

    [Fact]
    public void Hashes_are_stable_across_processes() =>
        Assert.Equal(StableHash.OfLower("Bridge"), StableHash.OfLower("bridge"));

    [Fact]
    public void Containment_sees_a_story_inside_a_larger_page()
    {
        var story = ShingleSet.WordGrams(TextAnalyzer.Analyze(Fixtures.Wire).Tokens, 3);
        var page = ShingleSet.WordGrams(TextAnalyzer.Analyze(Fixtures.OtherEvent + " " + Fixtures.Wire + " " + Fixtures.OtherEvent).Tokens, 3);

        Assert.True(ShingleSet.Containment(story, page) > 0.95);
        Assert.True(ShingleSet.Containment(page, story) < 0.6);
    }

    [Fact]
    public void MinHash_estimates_overlap_of_near_duplicates_and_strangers()
    {
        var a = ShingleSet.WordGrams(TextAnalyzer.Analyze(Fixtures.Wire + " " + Fixtures.OwnWords).Tokens, 3);
        var b = ShingleSet.WordGrams(TextAnalyzer.Analyze(Fixtures.Wire + " " + Fixtures.OwnWords + " Updated at noon.").Tokens, 3);
        var c = ShingleSet.WordGrams(TextAnalyzer.Analyze(Fixtures.OtherEvent).Tokens, 3);

        Assert.True(MinHashSketch.OverlapCoefficient(MinHashSketch.Build(a), a.Length, MinHashSketch.Build(b), b.Length) > 0.8);
        Assert.True(MinHashSketch.OverlapCoefficient(MinHashSketch.Build(a), a.Length, MinHashSketch.Build(c), c.Length) < 0.2);
    }

    [Fact]
    public void Skeleton_signatures_survive_synonym_spinning_better_than_word_shingles()
    {
        var wire = TextAnalyzer.Analyze(Fixtures.Wire).Tokens;
        var spun = TextAnalyzer.Analyze(Fixtures.Spun).Tokens;

        var words = ShingleSet.Containment(ShingleSet.WordGrams(spun, 3), ShingleSet.WordGrams(wire, 3));
        var skeleton = ShingleSet.Containment(SpotSignatures.Build(spun), SpotSignatures.Build(wire));

        Assert.True(skeleton > words + 0.15, $"skeleton {skeleton:F2} vs words {words:F2}");
    }

    [Fact]
    public void Relation_classifier_tells_copy_spun_and_independent_apart()
    {
        var classifier = new RelationClassifier(new RelationThresholds());
        var wire = TextAnalyzer.Analyze(Fixtures.Wire);

        Assert.Equal(FeedWatch.Core.Stories.ReuseRelation.Copy, ReuseRelationOf(classifier, Fixtures.Wire + " Copyright 2026.", wire));
        Assert.Equal(FeedWatch.Core.Stories.ReuseRelation.Spun, ReuseRelationOf(classifier, Fixtures.Spun, wire));
        Assert.Equal(FeedWatch.Core.Stories.ReuseRelation.Independent, ReuseRelationOf(classifier, Fixtures.OtherEvent, wire));
    }

    [Fact]
    public void Passages_pair_each_reused_sentence_with_its_source_sentence()
    {
        var passages = PassageAligner.Align(TextAnalyzer.Analyze(Fixtures.Spun), TextAnalyzer.Analyze(Fixtures.Wire), 10, 0.4);

        Assert.Equal(6, passages.Count);
        Assert.All(passages, p => Assert.Equal(p.ArticleSentence, p.SourceSentence));
    }

    private static FeedWatch.Core.Stories.ReuseRelation ReuseRelationOf(RelationClassifier classifier, string text, AnalyzedText source) =>
        classifier.Classify(RelationClassifier.Measure(TextAnalyzer.Analyze(text), source));
}
