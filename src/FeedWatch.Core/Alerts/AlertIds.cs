using System.Security.Cryptography;
using System.Text;

namespace FeedWatch.Core.Alerts;

/// <summary>Deterministic alert ids: the same (story, outlet) always gives the same id.</summary>
public static class AlertIds
{
    public static string ForSpread(string storyId, string outlet)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"spread\n{storyId}\n{outlet}"));
        return "spread-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>A digest's id: the same story and the same set of alerts (in any order) always give the same id.</summary>
    public static string ForDigest(string storyId, IEnumerable<string> alertIds)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        var sorted = alertIds.Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"digest\n{storyId}\n{string.Join('\n', sorted)}"));
        return "digest-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
