namespace FeedWatch.Stories;

/// <summary>
/// Story engine configuration ("FeedWatch:Stories" section). One configuration serves every corpus and the pipeline;
/// the defaults are the measured configuration documented in docs/stories.md.
/// </summary>
public sealed record StoryEngineOptions
{
    /// <summary>Stories whose last article is older than this leave the active index (spun copies appear weeks later).</summary>
    public TimeSpan ActiveWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Articles kept per story to match reuse against and to quote passages from (the origin is always kept).</summary>
    public int RepresentativesPerStory { get; init; } = 4;

    /// <summary>Terms kept in a story's topic centroid.</summary>
    public int StoryTerms { get; init; } = 128;

    /// <summary>Salient terms taken from each article.</summary>
    public int ArticleTerms { get; init; } = 100;

    /// <summary>Centroid terms of each story posted in the inverted index (the rarest-first candidates).</summary>
    public int IndexedTermsPerStory { get; init; } = 24;

    /// <summary>Article terms looked up in the inverted index per match.</summary>
    public int QueryTerms { get; init; } = 24;

    /// <summary>A term posted by more stories than this is too common to retrieve candidates by.</summary>
    public int MaxPostingsPerTerm { get; init; } = 4000;

    /// <summary>Candidates scored exactly per article (bounded work per match however large the index).</summary>
    public int MaxCandidates { get; init; } = 48;

    /// <summary>MinHash bins per LSH band (64 bins in all). Four rows ≈ Jaccard 0.5 threshold; the term index catches looser reuse.</summary>
    public int LshRowsPerBand { get; init; } = 4;

    /// <summary>
    /// The source window, in articles added: representatives that joined within the last this many articles keep their
    /// text and shingles in memory for exact scoring and passages (bounded memory; older ones are scored by MinHash).
    /// </summary>
    public int SourceCacheSize { get; init; } = 2048;

    /// <summary>Longest representative text stored in a profile.</summary>
    public int MaxRepresentativeChars { get; init; } = 20_000;

    public int MaxAnalyzedChars { get; init; } = 200_000;

    /// <summary>
    /// Cold start (docs/stories.md): document frequencies start as if this many background documents of ordinary English
    /// had been seen (<see cref="Index.BackgroundPrior"/>), so "water" or "festival" is common before the index has
    /// taught it; 0 turns the prior off. Its weight fades as real stories are counted.
    /// </summary>
    public int BackgroundDocuments { get; init; } = 30;

    public float TitleWeight { get; init; } = 2f;

    /// <summary>Leading sentences of the body counted once more in the topic vector (the lede states the event).</summary>
    public int LedeSentences { get; init; } = 3;

    /// <summary>Extra weight of a lede term occurrence (1 = a lede word counts twice).</summary>
    public float LedeWeight { get; init; } = 1f;

    /// <summary>
    /// Name agreement counts the share of the article's LEDE names the story has (the event's own actors), not of all
    /// its names (background names often belong to an earlier event of the same kind).
    /// </summary>
    public bool LedeNameAgreement { get; init; } = true;

    public float NameBoost { get; init; } = 1.6f;

    public float NumberBoost { get; init; } = 1.3f;

    /// <summary>Word 3-gram overlap (containment of the smaller text) from which an article joins by reuse.</summary>
    public double ReuseJoinThreshold { get; init; } = 0.25;

    /// <summary>Time-damped topic similarity from which an article joins as independent coverage.</summary>
    public double TopicJoinThreshold { get; init; } = 0.15;

    /// <summary>Share of the article's name/number mass the story must contain to join by topic (tells similar events apart).</summary>
    public double NameAgreementThreshold { get; init; } = 0.1;

    /// <summary>Time scale of the topic-similarity damping: coverage days apart is less likely the same event.</summary>
    public TimeSpan TopicTimeScale { get; init; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Time scale for an article published BEFORE the story's first article. Articles normally arrive in publication
    /// order, so a story whose first article is newer than the one in hand was most likely started by a late copy (a
    /// spun reprint weeks later) met first: coverage older than that is the late copy's own past, not a later event.
    /// </summary>
    public TimeSpan TopicTimeScaleBefore { get; init; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How much a known, close publication time adds to topic similarity (×(1+bonus) inside the story's time span).
    /// Coverage of one event lands within hours or days; undated articles get neither bonus nor damping.
    /// </summary>
    public double TimeAgreementBonus { get; init; } = 1.5;

    /// <summary>
    /// Whether an article published more than <see cref="TimeBonusTolerance"/> before the story's first article gets
    /// <see cref="TimeAgreementBonus"/> too (false: it is only damped — coverage cannot predate the event's first report).
    /// </summary>
    public bool TimeBonusBeforeStory { get; init; }

    /// <summary>How far before the story's first article the time bonus still applies (dates are often known to the day only).</summary>
    public TimeSpan TimeBonusTolerance { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Cold start: a story of a single article is joined by topic only from <see cref="TopicJoinThreshold"/> × this
    /// (1 = no stricter bar); reuse joins are unaffected.
    /// </summary>
    public double YoungStoryJoinFactor { get; init; } = 1;

    /// <summary>
    /// Lowest time evidence: dates far apart weigh no worse than this. At 1, an article far from the story's time span
    /// needs the same topic evidence as an undated one — a late copy or a story met out of order still joins on its
    /// content, while close dates keep their bonus.
    /// </summary>
    public double TimeEvidenceFloor { get; init; } = 0;

    /// <summary>
    /// How much two-way name agreement (the geometric mean of the share of the article's name mass the story has and of
    /// the story's name mass the article has) weighs in the topic score: score = cosine × time × (1 − w + w × agreement).
    /// </summary>
    public double NameAgreementWeight { get; init; } = 0.4;

    /// <summary>
    /// Topic-score factor when publication dates cannot be compared and the latest year the article's text mentions
    /// differs from the story's (two elections five years apart, two patches of different years).
    /// </summary>
    public double YearMismatchFactor { get; init; } = 0.7;

    /// <summary>
    /// Topic-score factor when the days the article's headline and lede name lie more than
    /// <see cref="EventDayTolerance"/> days from the days its story's articles named (a saga's next development), or, when
    /// no calendar day resolves on one side, when both name weekdays and none is shared (<see cref="EventWeekdays"/>). The
    /// factor multiplies the time evidence (voiding its bonus for close publication times as well cost BASIL 0.017:
    /// outlets' reports of one event often name different days). 1 turns the rule off.
    /// </summary>
    public double EventDateMismatchFactor { get; init; } = 0.5;

    /// <summary>Days between the article's named days and the story's that still count as the same event.</summary>
    public int EventDayTolerance { get; init; } = 1;

    /// <summary>Whether weekday names alone (no calendar day resolved: undated articles) can signal a different event.</summary>
    public bool EventWeekdays { get; init; }

    public Relations.RelationThresholds Relations { get; init; } = new();

    /// <summary>
    /// Delayed re-check of small stories (docs/stories.md, "Consolidation"): this many articles after a story was born,
    /// its representatives are matched again against the index as it is now; 0 turns the re-check off.
    /// </summary>
    public int RecheckAfterArticles { get; init; } = 32;

    /// <summary>Only a story of at most this many articles is re-checked (merged into the story all its representatives now join).</summary>
    public int RecheckMaxArticles { get; init; } = 4;

    /// <summary>Matched passages returned per match.</summary>
    public int MaxPassages { get; init; } = 12;

    /// <summary>Sentence similarity (Dice over content stems) from which two sentences are reported as a matched passage.</summary>
    public double PassageThreshold { get; init; } = 0.5;
}
