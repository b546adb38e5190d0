namespace FeedWatch.Core.Feeds.Date;

internal static class ZoneMath
{
    /// <summary>Offsets outside −12:00…+14:00 do not exist on Earth: the value is kept but read as UTC.</summary>
    public static TimeSpan Clamp(int offsetMinutes) =>
        offsetMinutes is < -12 * 60 or > 14 * 60 ? TimeSpan.Zero : TimeSpan.FromMinutes(offsetMinutes);

    public static DateTimeOffset? Compose(int year, int month, int day, int hour, int minute, int second, TimeSpan offset, int addDays = 0)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60 || (hour == 24 && (minute > 0 || second > 0)))
        {
            return null;
        }

        var extraDay = hour == 24 ? 1 : 0;
        var leap = second == 60 ? 1 : 0;
        var local = new DateTime(year, month, day, hour % 24, minute, second - leap, DateTimeKind.Unspecified);
        var ticks = local.Ticks - offset.Ticks + TimeSpan.FromDays(addDays + extraDay).Ticks + TimeSpan.FromSeconds(leap).Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return null;
        }

        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
