using System.Net;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Http;
using FeedWatch.Http.Guard;
using FeedWatch.Reliability.Tests.Support;

namespace FeedWatch.Reliability.Tests.Security;

/// <summary>
/// SSRF guard, proven end to end through the product fetcher: non-public destinations are refused unless the operator
/// set AllowPrivateAddresses — a host-map entry to a private address is not a way in on its own — and the check runs
/// after DNS resolution and again on every redirect hop.
/// </summary>
public sealed class PrivateAddressGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1/feed.xml")]                  // loopback
    [InlineData("http://127.1.2.3/")]                         // loopback /8
    [InlineData("http://[::1]/")]                             // IPv6 loopback
    [InlineData("http://[::ffff:127.0.0.1]/")]                // v4-mapped loopback
    [InlineData("http://169.254.169.254/latest/meta-data/")]  // cloud metadata (link-local)
    [InlineData("http://[fe80::1]/")]                         // IPv6 link-local
    [InlineData("http://10.0.0.1/")]                          // private
    [InlineData("http://172.16.5.4/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://100.64.0.1/")]                        // carrier-grade NAT
    [InlineData("http://[fd00::1]/")]                         // unique local
    [InlineData("http://224.0.0.1/")]                         // multicast
    [InlineData("http://[ff02::1]/")]                         // IPv6 multicast
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://2130706433/")]                        // 127.0.0.1 as one decimal number
    [InlineData("http://0x7f.0.0.1/")]                        // hexadecimal form
    [InlineData("http://localhost/")]
    public async Task Refuses_non_public_destinations_by_default(string url)
    {
        using var fetcher = new HttpFetcher(new HttpFetcherOptions { Timeout = TimeSpan.FromSeconds(5) });

        var response = await fetcher.FetchAsync(new FetchRequest(new Uri(url)));

        Assert.Equal(FetchErrorKind.BlockedAddress, response.Error?.Kind);
    }

    [Fact]
    public async Task Checks_the_address_after_dns_resolution()
    {
        // The machine's own name is not a literal address, yet it resolves to a loopback/private address.
        var name = Dns.GetHostName();
        var addresses = await Dns.GetHostAddressesAsync(name);
        Assert.True(addresses.Length > 0 && addresses.All(a => !AddressClassifier.IsPublic(a)),
            $"precondition: {name} should resolve only to non-public addresses, got {string.Join(", ", addresses.Select(a => a.ToString()))}");
        await using var target = new RawTcpServer(async (stream, _, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            await RawTcpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", ct);
        });
        using var fetcher = new HttpFetcher(new HttpFetcherOptions { Timeout = TimeSpan.FromSeconds(5) });

        var response = await fetcher.FetchAsync(new FetchRequest(new Uri($"http://{name}:{target.Port}/")));

        Assert.Equal(FetchErrorKind.BlockedAddress, response.Error?.Kind);
        Assert.Equal(0, target.Connections);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("http://10.1.2.3/admin")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://localhost:{port}/internal")]
    [InlineData("http://127.0.0.1:{port}/internal")]
    [InlineData("http://{hostname}:{port}/internal")]
    [InlineData("http://192.168.0.1/internal")]
    [InlineData("http://172.16.0.1/internal")]
    [InlineData("http://224.0.0.251/internal")]                   // multicast
    [InlineData("http://[ff02::fb]/internal")]                    // IPv6 multicast
    [InlineData("http://second-outlet.example:{port}/hop")]       // allowed hop, whose own redirect goes to 169.254.169.254
    public async Task A_host_mapped_outlet_on_loopback_is_refused_without_the_allow_whatever_it_redirects_to(string location)
    {
        var internalHits = 0;
        RawTcpServer? server = null;
        server = new RawTcpServer(async (stream, _, ct) =>
        {
            var head = await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            if (head.Contains("/internal", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref internalHits);
                await RawTcpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret", ct);
                return;
            }

            if (head.Contains("/hop", StringComparison.Ordinal))
            {
                // The second hop is between two allowed outlets; the third leaves for the metadata service.
                await RawTcpServer.WriteAsync(stream, "HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/internal\r\nContent-Length: 0\r\n\r\n", ct);
                return;
            }

            var target = location.Replace("{port}", server!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{hostname}", Dns.GetHostName(), StringComparison.Ordinal);
            await RawTcpServer.WriteAsync(stream, $"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n\r\n", ct);
        });
        await using var _ = server;
        // The outlet's name is mapped to loopback, but AllowPrivateAddresses is not set: the entry is refused, nothing is dialled.
        using var fetcher = new HttpFetcher(new HttpFetcherOptions
        {
            Timeout = TimeSpan.FromSeconds(5),
            HostMap = new Dictionary<string, string> { ["outlet.example"] = "127.0.0.1", ["second-outlet.example"] = "127.0.0.1" },
        });

        var response = await fetcher.FetchAsync(new FetchRequest(new Uri($"http://outlet.example:{server.Port}/feed.xml")));

        Assert.Equal(FetchErrorKind.BlockedAddress, response.Error?.Kind);
        Assert.Equal(0, internalHits);
    }

    [Fact]
    public async Task Host_map_entries_to_private_addresses_need_the_explicit_allow()
    {
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            var head = await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            var body = head.Contains("/hop", StringComparison.Ordinal) ? "HTTP/1.1 301 Moved\r\nLocation: http://other.example:{0}/final\r\nContent-Length: 0\r\n\r\n" : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
            await RawTcpServer.WriteAsync(stream, string.Format(System.Globalization.CultureInfo.InvariantCulture, body, ((IPEndPoint)_.LocalEndPoint!).Port), ct);
        });
        var mapped = new HttpFetcherOptions
        {
            Timeout = TimeSpan.FromSeconds(5),
            HostMap = new Dictionary<string, string> { ["outlet.example"] = "127.0.0.1", ["other.example"] = "127.0.0.1" },
        };
        using (var refused = new HttpFetcher(mapped))
        {
            // Without AllowPrivateAddresses a host-map entry to loopback is ignored: the name is resolved and refused.
            var hop = await refused.FetchAsync(new FetchRequest(new Uri($"http://outlet.example:{server.Port}/hop")));
            Assert.Equal(FetchErrorKind.BlockedAddress, hop.Error?.Kind);
        }

        mapped.AllowPrivateAddresses = true;
        using (var fetcher = new HttpFetcher(mapped))
        {
            var hop = await fetcher.FetchAsync(new FetchRequest(new Uri($"http://outlet.example:{server.Port}/hop")));
            Assert.True(hop.IsSuccess, hop.Error?.Message);
            Assert.Equal($"http://other.example:{server.Port}/final", hop.FinalUrl.AbsoluteUri);

        }

        using var allowAll = new HttpFetcher(new HttpFetcherOptions { Timeout = TimeSpan.FromSeconds(5), AllowPrivateAddresses = true });
        Assert.True((await allowAll.FetchAsync(new FetchRequest(server.Url()))).IsSuccess);
    }

    [Theory]
    [InlineData("192.0.2.2", false)]       // TEST-NET-1: found on this very machine's interfaces
    [InlineData("198.51.100.7", false)]
    [InlineData("203.0.113.9", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)] // NAT64 of 169.254.169.254
    [InlineData("::127.0.0.1", false)]
    [InlineData("::ffff:0:a9fe:a9fe", false)]  // IPv4-translated 169.254.169.254
    [InlineData("::ffff:0:0", false)]
    [InlineData("2002:7f00:1::1", false)]      // 6to4 of 127.0.0.1
    [InlineData("2002:a9fe:a9fe::1", false)]   // 6to4 of 169.254.169.254
    [InlineData("2002:5db8:d822::1", true)]    // 6to4 of 93.184.216.34
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", false)] // Teredo
    [InlineData("100::1", false)]              // discard-only
    [InlineData("64:ff9b:1::a9fe:a9fe", false)] // local-use NAT64
    [InlineData("64:ff9b::5db8:d822", true)]   // NAT64 of a public address
    [InlineData("198.18.0.1", false)]
    [InlineData("198.19.255.255", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::1111", true)]
    public void Classifies_reserved_ranges(string address, bool isPublic) =>
        Assert.Equal(isPublic, AddressClassifier.IsPublic(IPAddress.Parse(address)));
}
