using System.Globalization;

namespace FeedWatch.Core.Configuration;

/// <summary>Reads the durations people write in configuration: "45s", "15m", "2h", "1d", "500ms" or "hh:mm:ss".</summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim().ToLowerInvariant();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)];
        foreach (var (suffix, seconds) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && amount >= 0)
            {
                value = TimeSpan.FromSeconds(amount * seconds);
                return true;
            }
        }

        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static TimeSpan Parse(string text, string settingName) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"{settingName}: '{text}' is not a duration (use e.g. 30s, 15m, 2h or 00:15:00).");
}
