using System.Runtime.CompilerServices;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;
using FeedWatch.Stories.Passages;
using FeedWatch.Stories.Queries;
using FeedWatch.Stories.Relations;
using FeedWatch.Stories.Scoring;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories;

/// <summary> Exact scoring of a retrieved candidate (reuse, topic, names, time, event days) and the match it makes. </summary>
public sealed partial class StoryEngine
{
    private CandidateScore Score(ArticleFingerprint fingerprint, IndexedTopic indexedTopic, int slot)
    {
        var reuse = 0.0;
        var best = -1;
        var articleId = fingerprint.Article.Id;
        foreach (var repSlot in _store.Representatives(slot))
        {
            // A representative that is the article itself (a re-check, a restart) is skipped. The id comparison reads
            // the id arena (one more page and cache miss per candidate), so it is made only where skipping can matter:
            // for a cached source (few; the exact overlap is costlier than the comparison), and for an estimate that
            // would become the best so far (one that would not changes nothing whether it is the article or not).
            // Reading the source cache changes nothing in it, so the order of these reads does not matter.
            double overlap;
            if (_sources.Peek(repSlot) is { } source)
            {
                if (_store.IsArticle(repSlot, articleId))
                {
                    continue;
                }

                var shared = ShingleSet.IntersectionCount(fingerprint.Shingles, source.Shingles);
                var smaller = Math.Min(fingerprint.Shingles.Length, source.Shingles.Length);
                overlap = smaller == 0 ? 0 : (double)shared / smaller;
                if (shared < 2 && smaller > 1)
                {
                    overlap *= 0.5; // one shared 3-gram between two texts is coincidence, not reuse
                }
            }
            else
            {
                overlap = MinHashSketch.OverlapCoefficient(fingerprint.MinHash, fingerprint.Shingles.Length, _store.MinHash(repSlot), _store.Representative(repSlot).ShingleCount);
                if (overlap > reuse && _store.IsArticle(repSlot, articleId))
                {
                    continue;
                }
            }

            if (overlap > reuse)
            {
                reuse = overlap;
                best = repSlot;
            }
        }

        ref var story = ref _store.Story(slot);
        var arena = _store.Centroids;
        var topic = CentroidComparison.Compare(
            indexedTopic,
            arena.Terms(story.CentroidBlock, story.CentroidCount),
            arena.Idf(story.CentroidBlock, story.CentroidCount),
            story.WeightScale,
            story.CentroidNorm,
            story.CentroidNameMass);
        // Dates as stored (UTC ticks, StoredDate.None = TimeProximity.NoDate for none): no date is built per candidate.
        var firstSeen = story.FirstSeenTicks;
        var time = TimeProximity.Evidence(TimeProximity.UtcTicksOf(fingerprint.Article.Published), firstSeen, story.LastSeenTicks, _options.TopicTimeScale, _options.TimeAgreementBonus, _options.TimeEvidenceFloor, _options.TopicTimeScaleBefore, _options.TimeBonusBeforeStory ? null : _options.TimeBonusTolerance);
        // Who and where, both ways: the share of the article's names the story has and of the story's names the article
        // has. Two events of one kind share most words but only some names, so the topic score leans on agreement.
        var agreement = Math.Sqrt(ArticleNameShare(indexedTopic, topic) * topic.StoryNameAgreement);
        var saga = topic.Cosine * (1 - _options.NameAgreementWeight + (_options.NameAgreementWeight * agreement));
        var topicScore = saga * time * EventFactor(fingerprint, story.EventDays);
        if ((fingerprint.Article.Published is null || firstSeen == TimeProximity.NoDate) && story.EventYear != int.MinValue && EventYearOf(fingerprint) is { } articleYear && story.EventYear != articleYear)
        {
            // No publication dates to compare: a different year in the text is the time evidence left.
            topicScore *= _options.YearMismatchFactor;
        }
        var namesAgree = !topic.HasNames || topic.NameAgreement >= _options.NameAgreementThreshold;
        // A story of one article has no evidence yet of which of its words are the event and which its locale: a topic-only
        // join needs the stricter bar until a second article has joined.
        var topicBar = story.ArticleCount <= 1 ? _options.TopicJoinThreshold * _options.YoungStoryJoinFactor : _options.TopicJoinThreshold;
        var joined = reuse >= _options.ReuseJoinThreshold || (topicScore >= topicBar && namesAgree);
        return new CandidateScore(reuse, best, topic, time, joined, Math.Round(Math.Max(reuse, topicScore), 6), namesAgree ? saga : 0);
    }

    /// <summary>
    /// The share of the article's lede names (names in its first sentences, weighted as in its topic vector) that the
    /// story has: the lede names the event's own actors and places, while names further down are often background on
    /// an earlier event of the same kind — which is exactly the story the article must not join. Falls back to the
    /// whole article's share when the lede names nobody.
    /// </summary>
    private double ArticleNameShare(IndexedTopic indexedTopic, TopicComparison topic)
    {
        if (!_options.LedeNameAgreement || indexedTopic.LedeMass <= 0)
        {
            return topic.NameAgreement;
        }

        return topic.SharedLedeNames / indexedTopic.LedeMass;
    }

    /// <summary>The distinct name terms of the article's lede that made its topic vector: their ascending positions in it.</summary>
    private int[] LedeNamesOf(ArticleFingerprint fingerprint, WeightedTopic weightedTopic)
    {
        var body = fingerprint.Body;
        var lede = Math.Min(_options.LedeSentences, body.Sentences.Length);
        var end = lede == 0 ? 0 : body.Sentences[lede - 1].FirstToken + body.Sentences[lede - 1].TokenCount;
        var found = new List<int>();
        for (var k = 0; k < end; k++)
        {
            var token = body.Tokens[k];
            if (token.IsNameLike && !token.IsNumber && !token.IsStop)
            {
                var at = Array.BinarySearch(weightedTopic.Terms, TermIds.Of(token.Stem));
                if (at >= 0 && weightedTopic.Kinds[at] != TermKind.Word)
                {
                    found.Add(at);
                }
            }
        }

        found.Sort();
        return [.. found.Distinct()]; // Distinct keeps the first of each in order, so the positions stay ascending
    }

    private StoryMatch BuildMatch(ArticleFingerprint fingerprint, int slot, in CandidateScore score)
    {
        var relation = ReuseRelation.Independent;
        var sourceId = _store.OriginArticleIdOf(slot);
        IReadOnlyList<MatchedPassage> passages = [];
        CachedSource? bestSource = null;
        var bestStrength = 0.0;

        // The most likely source: the representative with the strongest wording evidence (earliest wins ties).
        foreach (var repSlot in _store.Representatives(slot))
        {
            if (_store.IsArticle(repSlot, fingerprint.Article.Id) || _sources.Peek(repSlot) is not { } source)
            {
                continue;
            }

            var evidence = RelationClassifier.Measure(fingerprint.Shingles, fingerprint.Spots, source.Shingles, source.Spots);
            var strength = Math.Max(evidence.Overlap, evidence.Skeleton - _options.Relations.SpunGap);
            if (strength > bestStrength + 1e-9)
            {
                bestStrength = strength;
                bestSource = source;
                sourceId = _store.ArticleIdOf(repSlot);
            }
        }

        AnalyzedText? sourceText = null;
        if (bestSource is not null && bestStrength >= _options.Relations.Rewrite)
        {
            sourceText = TextAnalyzer.Analyze(bestSource.Article.Text, _options.MaxAnalyzedChars);
            relation = _classifier.Classify(RelationClassifier.Measure(fingerprint.Body, sourceText));
        }
        else if (bestSource is null && score.BestRepresentative >= 0)
        {
            // Source text no longer cached: classify from the MinHash overlap estimate.
            relation = score.Reuse >= _options.Relations.Copy ? ReuseRelation.Copy
                : score.Reuse >= _options.Relations.Rewrite ? ReuseRelation.Rewrite
                : ReuseRelation.Independent;
            sourceId = _store.ArticleIdOf(score.BestRepresentative);
        }

        if (relation == ReuseRelation.Independent)
        {
            // Own wording: attribute to the story's origin and explain with the sentences it shares with it.
            sourceId = _store.OriginArticleIdOf(slot);
            var representatives = _store.Representatives(slot);
            sourceText = representatives.Length > 0 && _sources.Peek(representatives[0]) is { } origin
                ? TextAnalyzer.Analyze(origin.Article.Text, _options.MaxAnalyzedChars)
                : null;
        }

        if (sourceText is not null && _options.MaxPassages > 0)
        {
            passages = PassageAligner.Align(fingerprint.Body, sourceText, _options.MaxPassages, _options.PassageThreshold);
        }

        return new StoryMatch(_store.IdOf(slot), score.Score, relation, sourceId, passages);
    }
}
