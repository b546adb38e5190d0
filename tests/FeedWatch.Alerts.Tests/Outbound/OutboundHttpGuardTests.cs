using System.Net;
using System.Net.Sockets;
using FeedWatch.Alerts.Outbound;
using FeedWatch.Http.Guard;

namespace FeedWatch.Alerts.Tests.Outbound;

/// <summary>Alert sinks use the fetcher's address guard (one guard, not a weaker second one) and never a proxy.</summary>
public sealed class OutboundHttpGuardTests
{
    [Theory]
    [InlineData("::127.0.0.1")]              // IPv4-compatible loopback
    [InlineData("64:ff9b::a9fe:a9fe")]       // NAT64 of the metadata address
    [InlineData("2002:a9fe:a9fe::1")]        // 6to4 of the metadata address
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo
    [InlineData("198.18.0.1")]               // benchmarking
    [InlineData("::ffff:0:7f00:1")]          // IPv4-translated loopback
    [InlineData("100::1")]                   // discard-only
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    public void Sinks_refuse_every_address_the_fetcher_refuses(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.False(AddressClassifier.IsPublic(ip));
        Assert.True(OutboundHttp.IsPrivate(ip));
    }

    [Fact]
    public void The_sink_handler_uses_no_proxy_and_follows_no_redirect()
    {
        using var handler = Assert.IsType<SocketsHttpHandler>(OutboundHttp.CreateHandler(allowPrivateNetwork: false));
        Assert.False(handler.UseProxy);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Fact]
    public async Task A_sink_aimed_at_an_ipv4_compatible_loopback_literal_is_refused_before_connecting()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new HttpClient(OutboundHttp.CreateHandler(allowPrivateNetwork: false));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://[::127.0.0.1]:{port}/hook")));

        Assert.Contains("Refusing to send an alert", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }
}
