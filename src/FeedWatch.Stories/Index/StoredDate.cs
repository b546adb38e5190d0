namespace FeedWatch.Stories.Index;

/// <summary>
/// A nullable <see cref="DateTimeOffset"/> in 10 bytes (UTC ticks and the offset in minutes) instead of the 24 a
/// <c>DateTimeOffset?</c> field takes; round-trips exactly (offsets are whole minutes by construction).
/// </summary>
internal static class StoredDate
{
    public const long None = Scoring.TimeProximity.NoDate; // scoring reads stored ticks as they are

    public static long TicksOf(DateTimeOffset? value) => value is { } v ? v.UtcTicks : None;

    public static short OffsetOf(DateTimeOffset? value) => value is { } v ? (short)(v.Offset.Ticks / TimeSpan.TicksPerMinute) : (short)0;

    public static DateTimeOffset? From(long utcTicks, short offsetMinutes)
    {
        if (utcTicks == None)
        {
            return null;
        }

        var offset = offsetMinutes * TimeSpan.TicksPerMinute;
        return new DateTimeOffset(utcTicks + offset, new TimeSpan(offset));
    }
}
