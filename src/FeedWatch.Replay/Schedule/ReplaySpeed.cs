using System.Globalization;

namespace FeedWatch.Replay.Schedule;

/// <summary>
/// How fast the corpus plays: <see cref="Factor"/> compresses corpus time (60 = one corpus hour per real minute);
/// <see cref="AllAtOnce"/> releases every article the moment the server starts.
/// </summary>
public sealed record ReplaySpeed
{
    private ReplaySpeed(double? factor) => Factor = factor;

    public static ReplaySpeed AllAtOnce { get; } = new((double?)null);

    /// <summary>Time compression; null means everything is released at once.</summary>
    public double? Factor { get; }

    public bool IsAllAtOnce => Factor is null;

    public static ReplaySpeed Compressed(double factor) =>
        double.IsFinite(factor) && factor > 0
            ? new ReplaySpeed(factor)
            : throw new ArgumentOutOfRangeException(nameof(factor), factor, "The speed must be a positive number.");

    /// <summary>Parses "all" (or "0") for everything at once, otherwise a positive compression factor such as "3600".</summary>
    public static bool TryParse(string? text, out ReplaySpeed speed)
    {
        speed = AllAtOnce;
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, "all", StringComparison.OrdinalIgnoreCase) || trimmed == "0")
        {
            return true;
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && double.IsFinite(factor) && factor > 0)
        {
            speed = Compressed(factor);
            return true;
        }

        return false;
    }

    /// <summary>When an article published <paramref name="sinceFirst"/> after the corpus's first one is released.</summary>
    public TimeSpan ReleaseOffset(TimeSpan sinceFirst) =>
        Factor is { } factor && sinceFirst > TimeSpan.Zero ? TimeSpan.FromTicks((long)(sinceFirst.Ticks / factor)) : TimeSpan.Zero;

    public override string ToString() => Factor is { } factor ? factor.ToString("0.###", CultureInfo.InvariantCulture) + "x" : "all at once";
}
