using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FeedWatch.Alerts.Webhooks;

/// <summary>
/// The webhook signature, modelled on common practice: header
/// <c>X-FeedWatch-Signature: t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}." + body)}</c>.
/// Receivers recompute v1 over the raw body bytes, compare in constant time, and refuse timestamps outside a
/// tolerance (default 5 minutes) so a captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-FeedWatch-Signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Create(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Compute(secret, t, body)}";
    }

    /// <summary>True when <paramref name="header"/> carries a v1 signature of <paramref name="body"/> with a fresh timestamp.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(header)) return false;
        string? t = null;
        List<string> signatures = [];
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal)) t = part[2..];
            else if (part.StartsWith("v1=", StringComparison.Ordinal)) signatures.Add(part[3..]);
        }

        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > (tolerance ?? DefaultTolerance)) return false;

        var expected = Encoding.ASCII.GetBytes(Compute(secret, t, body));
        var match = false;
        foreach (var signature in signatures)
            match |= CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
        return match;
    }

    private static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
