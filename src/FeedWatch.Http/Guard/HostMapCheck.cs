using System.Net;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Http.Guard;

/// <summary>
/// Host-map entries (FeedWatch:Http:HostMap, a feeds file's hostMap) that point to a loopback, private, link-local or
/// otherwise non-public address would be a way around the address guard (`metadata.example: 169.254.169.254`). They are
/// honoured only when AllowPrivateAddresses is set; otherwise they are left out and the host is resolved and checked
/// like any other.
/// </summary>
public static class HostMapCheck
{
    /// <summary>The entries the fetcher may dial. Throws on an entry that is not an IP address.</summary>
    public static Dictionary<string, IPAddress> Usable(HttpFetcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new Dictionary<string, IPAddress>(StringComparer.OrdinalIgnoreCase);
        foreach (var (host, ip) in Parse(options.HostMap))
        {
            if (options.AllowPrivateAddresses || AddressClassifier.IsPublic(ip))
            {
                result[host] = ip;
            }
        }

        return result;
    }

    /// <summary>The entries left out because they point to a non-public address without AllowPrivateAddresses.</summary>
    public static Dictionary<string, IPAddress> Refused(HttpFetcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var usable = Usable(options);
        return Parse(options.HostMap).Where(p => !usable.ContainsKey(p.Host)).ToDictionary(p => p.Host, p => p.Address, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Logs one line per entry to a non-public address: a warning when honoured, an error when refused.</summary>
    public static void Report(HttpFetcherOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        foreach (var (host, ip) in Parse(options.HostMap).Where(p => !AddressClassifier.IsPublic(p.Address)))
        {
            if (options.AllowPrivateAddresses)
            {
                logger.LogWarning("Host map sends {Host} to the non-public address {Address} (FeedWatch:Http:AllowPrivateAddresses is set)", host, ip);
            }
            else
            {
                logger.LogError("Host map entry {Host} → {Address} ignored: a non-public address needs FeedWatch:Http:AllowPrivateAddresses=true", host, ip);
            }
        }
    }

    private static IEnumerable<(string Host, IPAddress Address)> Parse(IReadOnlyDictionary<string, string> map)
    {
        foreach (var (host, ip) in map)
        {
            if (!IPAddress.TryParse(ip, out var address))
            {
                throw new ArgumentException($"FeedWatch:Http:HostMap:{host} = '{ip}' is not an IP address", nameof(map));
            }

            yield return (host, address);
        }
    }
}
