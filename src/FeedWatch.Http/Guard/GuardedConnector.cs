using System.Net;
using System.Net.Sockets;

namespace FeedWatch.Http.Guard;

/// <summary>
/// The SocketsHttpHandler connect callback: resolves the host (or takes it from the host map), refuses
/// non-public addresses after resolution, and dials the first allowed address. Running the check here —
/// not on the URL — closes the DNS-rebinding gap and covers every redirect hop. A host-map entry is configuration, but
/// one that points to a non-public address is honoured only when AllowPrivateAddresses is set (see <see cref="HostMapCheck"/>).
/// </summary>
internal sealed class GuardedConnector(HttpFetcherOptions options)
{
    private readonly Dictionary<string, IPAddress> hostMap = HostMapCheck.Usable(options);
    private readonly Dictionary<string, IPAddress> refusedMap = HostMapCheck.Refused(options);

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        IPAddress[] candidates;
        if (refusedMap.TryGetValue(host, out var refused))
        {
            throw new BlockedAddressException(host, refused);
        }

        if (hostMap.TryGetValue(host, out var mapped))
        {
            candidates = [mapped];
        }
        else
        {
            candidates = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            if (!options.AllowPrivateAddresses)
            {
                var allowed = Array.FindAll(candidates, AddressClassifier.IsPublic);
                if (allowed.Length == 0)
                {
                    throw new BlockedAddressException(host, candidates.FirstOrDefault());
                }

                candidates = allowed;
            }
        }

        Exception? last = null;
        foreach (var address in candidates)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>True when the URL names a host we would refuse anyway; lets us fail before opening a socket.</summary>
    public bool IsBlockedLiteral(Uri url) =>
        refusedMap.ContainsKey(url.IdnHost) || (!options.AllowPrivateAddresses
        && !hostMap.ContainsKey(url.IdnHost)
        && (url.IsLoopback || (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var ip) && !AddressClassifier.IsPublic(ip))));
}
