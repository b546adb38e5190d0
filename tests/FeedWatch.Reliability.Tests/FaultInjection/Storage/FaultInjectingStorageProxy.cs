using System.Net;
using System.Net.Sockets;
using System.Text;
using FeedWatch.Reliability.Tests.Support;

namespace FeedWatch.Reliability.Tests.FaultInjection.Storage;

/// <summary>
/// A loopback TCP proxy in front of one Azurite service (blob or queue) that injects storage faults at the HTTP
/// layer: synthesised 500/503 answers (with and without Retry-After), answers held beyond the client's network
/// timeout, real socket resets (TCP RST) mid-request and mid-response, and a concurrent writer racing If-Match
/// blob writes. Which request gets which fault comes from the shared seeded <see cref="StorageFaultInjector"/>.
/// </summary>
public sealed class FaultInjectingStorageProxy : IAsyncDisposable
{
    private readonly RawTcpServer _server;
    private readonly int _upstreamPort;
    private readonly StorageFaultInjector _injector;
    private readonly Func<string, Task>? _raceWriter;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _racedFolders = new(StringComparer.Ordinal);
    private int _raceFailures;

    /// <param name="raceWriter">Rewrites the named blob behind the client's back (blob service only).</param>
    public FaultInjectingStorageProxy(int upstreamPort, StorageFaultInjector injector, Func<string, Task>? raceWriter = null)
    {
        _upstreamPort = upstreamPort;
        _injector = injector;
        _raceWriter = raceWriter;
        _server = new RawTcpServer(HandleAsync);
    }

    public int Port => _server.Port;

    /// <summary>Races whose concurrent write itself failed (the blob was gone, or the racer was raced).</summary>
    public int RaceFailures => Volatile.Read(ref _raceFailures);

    /// <summary>Races run, by the blob name's first folder ("stories", "feeds", …).</summary>
    public IReadOnlyDictionary<string, int> RacedFolders => new Dictionary<string, int>(_racedFolders);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(NetworkStream stream, Socket socket, CancellationToken token)
    {
        try
        {
            var head = await StorageRequestHead.ReadAsync(stream, token);
            if (head is null)
            {
                return;
            }

            var fault = _injector.Choose(head);
            switch (fault)
            {
                case StorageFault.InternalError or StorageFault.ServerBusy or StorageFault.ServerBusyRetryAfter:
                    await DrainBodyAsync(stream, head, token);
                    await stream.WriteAsync(ErrorResponse(fault), token);
                    socket.Shutdown(SocketShutdown.Send);
                    return;
                case StorageFault.ResetMidRequest:
                    Reset(socket);
                    return;
                case StorageFault.PreconditionRace:
                    await RaceAsync(head.BlobName!);
                    break;
            }

            var response = await ForwardAsync(stream, head, token);
            switch (fault)
            {
                case StorageFault.Timeout:
                    // Azurite has done the work; the client gives up waiting and retries (or fails).
                    await Task.Delay(_injector.Plan.ResponseDelay, token);
                    await stream.WriteAsync(response, token);
                    break;
                case StorageFault.ResetMidResponse:
                    await stream.WriteAsync(response.AsMemory(0, Math.Max(1, response.Length / 2)), token);
                    await stream.FlushAsync(token);
                    Reset(socket);
                    break;
                default:
                    await stream.WriteAsync(response, token);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
        {
            // The client gave up (its own timeout) or the proxy is stopping: nothing to answer.
        }
    }

    /// <summary>Sends the request to Azurite and reads its whole answer (Azurite closes after it: Connection: close).</summary>
    private async Task<byte[]> ForwardAsync(NetworkStream client, StorageRequestHead head, CancellationToken token)
    {
        using var upstream = new TcpClient { NoDelay = true };
        await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, token);
        var server = upstream.GetStream();
        await server.WriteAsync(head.ToUpstreamBytes(), token);
        using var pumpStop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var pump = head.IsChunked
            ? client.CopyToAsync(server, pumpStop.Token) // rare: stream the body while the answer is read
            : CopyExactlyAsync(client, server, head.ContentLength - head.BodyStart.Length, token);
        var response = new MemoryStream();
        await server.CopyToAsync(response, token);
        await pumpStop.CancelAsync();
        try
        {
            await pump;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // the chunked pump stops when the answer is complete
        }

        return response.ToArray();
    }

    private async Task RaceAsync(string blobName)
    {
        _racedFolders.AddOrUpdate(blobName.Split('/')[0], 1, (_, n) => n + 1);
        try
        {
            await _raceWriter!(blobName);
        }
        catch (Exception)
        {
            // The other writer lost its own race; the pipeline's write then simply goes through.
            Interlocked.Increment(ref _raceFailures);
        }
    }

    private static async Task CopyExactlyAsync(Stream from, Stream to, long count, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        while (count > 0)
        {
            var read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), token);
            if (read == 0)
            {
                throw new IOException("the client closed before sending its whole body");
            }

            await to.WriteAsync(buffer.AsMemory(0, read), token);
            count -= read;
        }
    }

    private static Task DrainBodyAsync(Stream stream, StorageRequestHead head, CancellationToken token) =>
        head.IsChunked ? Task.CompletedTask : CopyExactlyAsync(stream, Stream.Null, head.ContentLength - head.BodyStart.Length, token);

    /// <summary>Linger 0 then close: the kernel sends RST, not FIN — a real reset, as a dying server or middlebox gives.</summary>
    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    private static byte[] ErrorResponse(StorageFault fault)
    {
        var (status, reason, code) = fault == StorageFault.InternalError
            ? (500, "Internal Server Error", "InternalError")
            : (503, "Server Busy", "ServerBusy");
        var body = $"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>Injected by the fault proxy.</Message></Error>";
        var retryAfter = fault == StorageFault.ServerBusyRetryAfter ? "Retry-After: 1\r\n" : "";
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/xml\r\nx-ms-error-code: {code}\r\n{retryAfter}" +
                   $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n";
        return Encoding.UTF8.GetBytes(head + body);
    }
}
