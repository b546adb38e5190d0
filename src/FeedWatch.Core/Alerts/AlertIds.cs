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
}
