namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// The configurations the generalization harness chooses among: the shipped default first (it wins ties), then one step
/// either way of the main knobs (topic join bar, name-agreement weight, background prior weight) and the alternatives the
/// default rejected (time bonus before a story's first article, a stricter bar for one-article stories), and the
/// event-day rule off, weaker or stronger, more tolerant, or with its weekday-only case. The shipped
/// default is one configuration for every corpus and language; the harness shows whether choosing among these without a
/// corpus would have picked something that does better or worse on it.
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
            new("background 0", shipped with { BackgroundDocuments = 0 }),
            new("background 100", shipped with { BackgroundDocuments = 100 }),
            new("time bonus before story", shipped with { TimeBonusBeforeStory = true }),
            new("young-story bar x1.5", shipped with { YoungStoryJoinFactor = 1.5 }),
            new("event dates off", shipped with { EventDateMismatchFactor = 1 }),
            new("event-date factor 0.7", shipped with { EventDateMismatchFactor = 0.7 }),
            new("event-date factor 0.3", shipped with { EventDateMismatchFactor = 0.3 }),
            new("event-day tolerance 2", shipped with { EventDayTolerance = 2 }),
            new("event weekdays on", shipped with { EventWeekdays = true }),
        ];
    }
}
