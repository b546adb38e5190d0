using System.Text;

namespace FeedWatch.Replay.Corpus;

/// <summary>
/// Gives every corpus outlet a host name, so outlet identity comes from the URL exactly as in production.
/// Outlet keys that already are host names ("nytimes.com", "seed-a.example") are kept; other keys
/// ("unknown-5_4ecb") become a valid name under the reserved ".example" domain.
/// </summary>
public static class OutletHostNames
{
    public static string For(string outlet)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outlet);
        var lower = outlet.Trim().ToLowerInvariant();
        if (IsHostName(lower) && lower.Contains('.', StringComparison.Ordinal))
        {
            return lower;
        }

        var builder = new StringBuilder(lower.Length + 8);
        foreach (var c in lower)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' ? c : '-');
        }

        var labels = builder.ToString()
            .Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Select(label => label.Trim('-'))
            .Where(label => label.Length > 0)
            .Select(label => label.Length > 63 ? label[..63] : label);
        var name = string.Join('.', labels);
        return (name.Length == 0 ? "outlet" : name) + ".example";
    }

    private static bool IsHostName(string value) =>
        value.Length <= 253
        && value.Split('.').All(label =>
            label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));
}
