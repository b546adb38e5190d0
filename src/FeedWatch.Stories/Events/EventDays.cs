namespace FeedWatch.Stories.Events;

/// <summary>
/// When an article (or a story) says its event happened: the span of calendar days its headline and lede name
/// (<see cref="First"/>..<see cref="Last"/> as <see cref="DateOnly.DayNumber"/>, <see cref="NoDay"/> when none resolves to
/// a date) and the weekdays they name (bit 0 = Sunday … bit 6 = Saturday), kept even when no publication date lets
/// "Tuesday" resolve to a day.
/// </summary>
public readonly record struct EventDays(int First, int Last, byte Weekdays)
{
    /// <summary>"No calendar day known" for <see cref="First"/> and <see cref="Last"/>.</summary>
    public const int NoDay = -1;

    public static EventDays None { get; } = new(NoDay, NoDay, 0);

    public bool HasDays => First != NoDay;

    public bool IsEmpty => !HasDays && Weekdays == 0;

    /// <summary>Both spans and weekday sets together (a story's days are those of all its articles).</summary>
    public EventDays Union(EventDays other) => new(
        !HasDays ? other.First : !other.HasDays ? First : Math.Min(First, other.First),
        !HasDays ? other.Last : !other.HasDays ? Last : Math.Max(Last, other.Last),
        (byte)(Weekdays | other.Weekdays));

    /// <summary>Days between the two spans (0 when they overlap), or null when either has none.</summary>
    public int? DistanceTo(EventDays other) =>
        !HasDays || !other.HasDays ? null : Math.Max(0, Math.Max(First - other.Last, other.First - Last));

    public static EventDays FromProfile(DateOnly? first, DateOnly? last, int weekdays) =>
        new(first?.DayNumber ?? NoDay, last?.DayNumber ?? first?.DayNumber ?? NoDay, (byte)(weekdays & 0x7F));

    public DateOnly? FirstDate => HasDays ? DateOnly.FromDayNumber(First) : null;

    public DateOnly? LastDate => HasDays ? DateOnly.FromDayNumber(Last) : null;
}
