using System.Net;
using System.Net.Sockets;

namespace FeedWatch.Reliability.Tests.Support;

/// <summary>
/// A plain HttpClient that connects every host name to 127.0.0.1, so the tests can talk to a replay's outlets
/// (http://seed-a.example:N/…) without the product's fetcher.
/// </summary>
internal static class HostMappedHttpClient
{
    public static HttpClient Create() =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { Timeout = TimeSpan.FromSeconds(30) };
}
