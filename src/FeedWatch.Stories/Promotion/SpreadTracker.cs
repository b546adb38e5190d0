namespace FeedWatch.Stories.Promotion;

/// <summary>
/// Per story, the outlets reached and when; decides spread alerts (first article per story and outlet, origin excluded)
/// and promotion. An article without a date counts at the latest time seen so far (replays stay deterministic).
/// </summary>
internal sealed class SpreadTracker(PromotionRule? rule = null)
{
    private readonly PromotionRule _rule = rule ?? PromotionRule.Default;
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _outlets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _promoted = new(StringComparer.Ordinal);
    private DateTimeOffset _clock = DateTimeOffset.UnixEpoch;

    public SpreadObservation Observe(string storyId, string outlet, DateTimeOffset? published)
    {
        ArgumentException.ThrowIfNullOrEmpty(storyId);
        ArgumentException.ThrowIfNullOrEmpty(outlet);
        if (published is { } p && p > _clock)
        {
            _clock = p;
        }

        var at = published ?? _clock;
        if (!_outlets.TryGetValue(storyId, out var seen))
        {
            _outlets[storyId] = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal) { [outlet] = at };
            return new SpreadObservation(IsOrigin: true, IsNewOutlet: false, Promoted: PromoteIfDue(storyId, [at]));
        }

        if (!seen.TryAdd(outlet, at))
        {
            return new SpreadObservation(false, false, false);
        }

        return new SpreadObservation(false, true, PromoteIfDue(storyId, [.. seen.Values]));
    }

    /// <summary>A story merged into another: its outlets (earliest sighting kept) count as reached by the target.</summary>
    public void Absorb(string fromStoryId, string intoStoryId)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromStoryId);
        ArgumentException.ThrowIfNullOrEmpty(intoStoryId);
        if (!_outlets.Remove(fromStoryId, out var from))
        {
            return;
        }

        if (!_outlets.TryGetValue(intoStoryId, out var into))
        {
            _outlets[intoStoryId] = into = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        }

        foreach (var (outlet, at) in from)
        {
            if (!into.TryGetValue(outlet, out var known) || at < known)
            {
                into[outlet] = at;
            }
        }

        if (_promoted.Remove(fromStoryId))
        {
            _promoted.Add(intoStoryId);
        }
    }

    public IReadOnlyCollection<string> Outlets(string storyId) =>
        _outlets.TryGetValue(storyId, out var seen) ? seen.Keys : [];

    public bool IsPromoted(string storyId) => _promoted.Contains(storyId);

    private bool PromoteIfDue(string storyId, IReadOnlyList<DateTimeOffset> times) =>
        !_promoted.Contains(storyId) && _rule.IsSatisfiedBy(times) && _promoted.Add(storyId);
}
