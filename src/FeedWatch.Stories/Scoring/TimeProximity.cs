namespace FeedWatch.Stories.Scoring;

/// <summary>
/// Damps topic similarity by the distance between the article and the story's time span: independent coverage of one
/// event clusters in time, while a similar event months later is a different story. Unknown dates do not damp.
/// An article older than the story's first article (met out of order) is damped on its own, longer scale: such a story
/// was most likely started by a late copy, and the coverage it copied is older by up to the copy's delay.
/// Known, close dates are positive evidence too: <see cref="Evidence"/> boosts topic similarity by up to
/// (1 + bonus) when the article falls inside the story's time span.
/// </summary>
internal static class TimeProximity
{
    /// <summary>"No date" in the tick overloads (the index stores a missing date so, too).</summary>
    public const long NoDate = long.MinValue;

    /// <param name="scaleBefore">
    /// Time scale for an article published before the story's first article (met out of order); zero or less uses
    /// <paramref name="scale"/>.
    /// </param>
    public static double Factor(DateTimeOffset? published, DateTimeOffset? storyFirst, DateTimeOffset? storyLast, TimeSpan scale, TimeSpan scaleBefore = default) =>
        Factor(UtcTicksOf(published), UtcTicksOf(storyFirst), UtcTicksOf(storyLast), scale, scaleBefore);

    /// <summary>
    /// <see cref="Factor(DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, TimeSpan, TimeSpan)"/> on UTC ticks
    /// (<see cref="NoDate"/> for none), which is all it depends on: scoring reads the story's dates as stored, without
    /// building a date per candidate. The same arithmetic as the date overload (the differences and quotients of
    /// ticks that date subtraction and span division compute), so the same double.
    /// </summary>
    public static double Factor(long published, long storyFirst, long storyLast, TimeSpan scale, TimeSpan scaleBefore = default)
    {
        if (published == NoDate || storyFirst == NoDate || storyLast == NoDate || scale <= TimeSpan.Zero)
        {
            return 1;
        }

        if (published < storyFirst)
        {
            return 1 / (1 + ((storyFirst - published) / (double)(scaleBefore > TimeSpan.Zero ? scaleBefore : scale).Ticks));
        }

        var distance = published > storyLast ? published - storyLast : 0;
        return 1 / (1 + (distance / (double)scale.Ticks));
    }

    public static double Evidence(DateTimeOffset? published, DateTimeOffset? storyFirst, DateTimeOffset? storyLast, TimeSpan scale, double bonus, double floor = 0, TimeSpan scaleBefore = default) =>
        Evidence(UtcTicksOf(published), UtcTicksOf(storyFirst), UtcTicksOf(storyLast), scale, bonus, floor, scaleBefore);

    /// <summary><see cref="Evidence(DateTimeOffset?, DateTimeOffset?, DateTimeOffset?, TimeSpan, double, double, TimeSpan)"/> on UTC ticks.</summary>
    /// <param name="bonusBefore">
    /// How long before the story's first article an article still gets the bonus (null: any time before). Earlier than
    /// that it is only damped: coverage of an event cannot predate the event's first report (a late copy met first still
    /// joins on its content, at the damped score), and a same-town story of the day before must not look like the same
    /// event. Publication times are often known to the day only, so a day is the natural tolerance.
    /// </param>
    public static double Evidence(long published, long storyFirst, long storyLast, TimeSpan scale, double bonus, double floor = 0, TimeSpan scaleBefore = default, TimeSpan? bonusBefore = null)
    {
        if (published == NoDate || storyFirst == NoDate || storyLast == NoDate)
        {
            return 1;
        }

        var factor = Factor(published, storyFirst, storyLast, scale, scaleBefore);

        var withBonus = bonusBefore is not { } tolerance || published >= storyFirst - tolerance.Ticks;
        return Math.Max(floor, factor * (1 + (withBonus ? bonus * factor : 0)));
    }

    /// <summary>UTC ticks of a date, <see cref="NoDate"/> for none.</summary>
    public static long UtcTicksOf(DateTimeOffset? value) => value is { } v ? v.UtcTicks : NoDate;
}
