using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Events;
using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Scoring;

namespace FeedWatch.Stories;

/// <summary>
/// Event granularity: the days an article's headline and lede name against the days its candidate story's articles
/// named, and the <c>follows</c> link a story records when its first article scored as the same topic as an earlier
/// story but not as the same event (docs/stories.md, "Events and follows").
/// </summary>
public sealed partial class StoryEngine
{
    private readonly Dictionary<string, string> _follows = new(StringComparer.Ordinal);
    private ArticleFingerprint? _eventDaysOf;
    private EventDays _eventDays;

    /// <summary>The earlier story <paramref name="storyId"/> continues, or null.</summary>
    public string? FollowsOf(string storyId) => _follows.GetValueOrDefault(storyId);

    /// <summary>The days and weekdays the article's headline and lede name (computed once per article).</summary>
    internal EventDays EventDaysOf(ArticleFingerprint fingerprint)
    {
        if (!ReferenceEquals(_eventDaysOf, fingerprint))
        {
            var found = EventDateFinder.Find(HeadlineAndLede(fingerprint), fingerprint.Article.Published);
            // Without a publication date the full dates a text names are mostly its own dateline, and the coverage of one
            // event is dated over a week or more (measured on ECB+): only the weekday names are kept then.
            _eventDays = fingerprint.Article.Published is null ? found with { First = EventDays.NoDay, Last = EventDays.NoDay } : found;
            _eventDaysOf = fingerprint;
        }

        return _eventDays;
    }

    /// <summary>
    /// <see cref="StoryEngineOptions.EventDateMismatchFactor"/> when the article's named days and the story's are further
    /// apart than the tolerance (or, with no calendar day on one side, both name weekdays and share none); else 1.
    /// </summary>
    private double EventFactor(ArticleFingerprint fingerprint, EventDays story)
    {
        if (_options.EventDateMismatchFactor >= 1 || story.IsEmpty)
        {
            return 1;
        }

        var article = EventDaysOf(fingerprint);
        if (article.DistanceTo(story) is { } distance)
        {
            return distance > _options.EventDayTolerance ? _options.EventDateMismatchFactor : 1;
        }

        return _options.EventWeekdays && article.Weekdays != 0 && story.Weekdays != 0 && (article.Weekdays & story.Weekdays) == 0
            ? _options.EventDateMismatchFactor
            : 1;
    }

    /// <summary>
    /// The story a new story's first article continues: among the stories it did not join, the one whose topic evidence
    /// alone (cosine and name agreement, before time and event-day evidence) clears the topic bar, best first — the same
    /// saga, a different event. Stories that start after the article (by more than the time tolerance) are not followed.
    /// </summary>
    private string? FollowedStory(ArticleFingerprint fingerprint)
    {
        var topic = WeighTopic(fingerprint);
        var published = TimeProximity.UtcTicksOf(fingerprint.Article.Published);
        string? best = null;
        var bestSaga = 0.0;
        foreach (var slot in CollectCandidates(fingerprint, topic))
        {
            var score = Score(fingerprint, topic, slot);
            if (score.Joined)
            {
                return null; // a new story beside one it joins (a user's seed): not a later development
            }

            var firstSeen = _store.Story(slot).FirstSeenTicks;
            var earlier = published == TimeProximity.NoDate || firstSeen == TimeProximity.NoDate || firstSeen <= published + _options.TimeBonusTolerance.Ticks;
            var id = _store.IdOf(slot);
            if (earlier && score.Saga >= _options.TopicJoinThreshold && (score.Saga > bestSaga || (score.Saga == bestSaga && string.CompareOrdinal(id, best) < 0)))
            {
                best = id;
                bestSaga = score.Saga;
            }
        }

        return best;
    }

    private void RecordFollows(string storyId, string? follows)
    {
        if (follows is not null && follows != storyId)
        {
            _follows[storyId] = follows;
        }
    }

    private string HeadlineAndLede(ArticleFingerprint fingerprint)
    {
        var body = fingerprint.Body;
        var title = fingerprint.Article.Title ?? "";
        var count = Math.Min(Math.Max(1, _options.LedeSentences), body.Sentences.Length);
        if (count == 0)
        {
            return title;
        }

        var end = body.Sentences[count - 1].CharStart + body.Sentences[count - 1].CharLength;
        var lede = body.Text.AsSpan(0, Math.Min(end, body.Text.Length));
        return string.Equals(body.Text, title, StringComparison.Ordinal) ? title : string.Concat(title, "\n", lede);
    }
}
