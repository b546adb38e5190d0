using System.Net;
using System.Security.Cryptography;

namespace FeedWatch.Dashboard.Security;

/// <summary>What the dashboard's listen URLs expose: loopback only, or more (which needs a token and an explicit warning).</summary>
public static class DashboardBinding
{
    /// <summary>The URLs that listen beyond loopback (0.0.0.0, *, +, [::], a LAN address or a host name other than localhost).</summary>
    public static IReadOnlyList<string> NonLoopback(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return urls.Where(u => !IsLoopback(u)).ToList();
    }

    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = HostOf(url);
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The host part of a listen URL ("http://[::1]:5870" → "::1", "http://*:80" → "*").</summary>
    public static string HostOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        rest = rest.Split('/', 2)[0];
        if (rest.StartsWith('['))
        {
            var end = rest.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? rest[1..end] : rest;
        }

        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    /// <summary>A fresh random token (256 bits, URL-safe).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
