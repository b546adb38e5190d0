using System.Net;
using System.Net.Sockets;
using FeedWatch.Http.Guard;

namespace FeedWatch.Alerts.Outbound;

/// <summary>
/// HTTP handlers for alert endpoints. By default a connection to a private, loopback or link-local address is refused
/// (checked on the address actually connected to, so DNS tricks do not get around it) and redirects are not followed:
/// an alert endpoint that redirects is misconfigured, and following it could leak the signed body elsewhere.
/// </summary>
public static class OutboundHttp
{
    public static HttpMessageHandler CreateHandler(bool allowPrivateNetwork)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false, // a proxy would dial on our behalf, past the address check below
        };
        if (!allowPrivateNetwork) handler.ConnectCallback = ConnectPublicOnlyAsync;
        return handler;
    }

    /// <summary>Not a public internet address: the fetcher's guard (<see cref="AddressClassifier"/>) decides, for sinks too.</summary>
    public static bool IsPrivate(IPAddress address) => !AddressClassifier.IsPublic(address);

    private static async ValueTask<Stream> ConnectPublicOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses.Where(a => !IsPrivate(a)).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"Refusing to send an alert to {context.DnsEndPoint.Host}: it resolves only to private/loopback addresses (set AllowPrivateNetwork on the sink to allow).");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
