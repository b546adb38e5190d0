using System.Diagnostics;
using System.IO.Compression;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Reliability.Tests.Support;

namespace FeedWatch.Reliability.Tests.HostileInput;

/// <summary>
/// Servers that attack the fetcher: each attack must end in a bounded time with a clear error kind,
/// and without the fetcher holding the hostile body in memory.
/// </summary>
public sealed class HostileHttpTests
{
    private const long Gigabyte = 1L << 30;

    [Fact]
    public async Task Gigabyte_body_with_declared_length_is_refused_before_reading()
    {
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            await RawTcpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {Gigabyte}\r\n\r\n", ct);
            await StreamZerosAsync(stream, Gigabyte, ct);
        });
        using var fetcher = Fetchers.Loopback();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")));

        AssertError(response, FetchErrorKind.TooLarge);
    }

    [Fact]
    public async Task Endless_chunked_body_is_cut_at_the_limit_and_never_materialised()
    {
        long sent = 0;
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            await RawTcpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n", ct);
            var chunk = new byte[64 * 1024];
            var header = System.Text.Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n");
            while (sent < Gigabyte)
            {
                await stream.WriteAsync(header, ct);
                await stream.WriteAsync(chunk, ct);
                await stream.WriteAsync("\r\n"u8.ToArray(), ct);
                Interlocked.Add(ref sent, chunk.Length);
            }
        });
        using var fetcher = Fetchers.Loopback(maxBodyBytes: 2 << 20);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/page.html")));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        AssertError(response, FetchErrorKind.TooLarge);
        Assert.True(Interlocked.Read(ref sent) < 256L << 20, $"the fetcher kept reading: {Interlocked.Read(ref sent)} bytes sent");
        // The limit is 2 MiB: a few buffer doublings are fine, holding the gigabyte is not.
        Assert.True(allocated < 64L << 20, $"allocated {allocated / (1 << 20)} MiB while refusing the body");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Compression_bombs_stop_at_the_decompressed_limit(string encoding)
    {
        var bomb = CompressedZeros(encoding, 64L << 20);
        Assert.True(bomb.Length < 2 << 20, $"the bomb itself should be small, was {bomb.Length} bytes");
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            await RawTcpServer.WriteAsync(stream, $"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Encoding: {encoding}\r\nContent-Length: {bomb.Length}\r\n\r\n", ct);
            await stream.WriteAsync(bomb, ct);
        });
        using var fetcher = Fetchers.Loopback(maxBodyBytes: 4 << 20);

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")));

        AssertError(response, FetchErrorKind.TooLarge);
    }

    [Fact]
    public async Task Slowloris_body_drip_times_out_within_the_limit()
    {
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            await RawTcpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n", ct);
            while (!ct.IsCancellationRequested)
            {
                await RawTcpServer.WriteAsync(stream, "<", ct);
                await Task.Delay(100, ct);
            }
        });
        using var fetcher = Fetchers.Loopback(timeout: TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")));

        AssertError(response, FetchErrorKind.Timeout);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Slowloris_header_drip_times_out_within_the_limit()
    {
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            await RawTcpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\n", ct);
            for (var i = 0; !ct.IsCancellationRequested; i++)
            {
                await RawTcpServer.WriteAsync(stream, $"X-Drip-{i}: a\r\n", ct);
                await Task.Delay(100, ct);
            }
        });
        using var fetcher = Fetchers.Loopback(timeout: TimeSpan.FromSeconds(2));

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")));

        Assert.NotNull(response.Error);
        Assert.Contains(response.Error!.Kind, new[] { FetchErrorKind.Timeout, FetchErrorKind.Network });
    }

    [Fact]
    public async Task Silent_server_times_out()
    {
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var fetcher = Fetchers.Loopback(timeout: TimeSpan.FromSeconds(1));

        AssertError(await fetcher.FetchAsync(new FetchRequest(server.Url())), FetchErrorKind.Timeout);
    }

    [Fact]
    public async Task Endless_redirects_stop_at_the_redirect_limit()
    {
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            for (var hop = 0; !ct.IsCancellationRequested; hop++)
            {
                var head = await RawTcpServer.ReadRequestHeadAsync(stream, ct);
                if (head.Length == 0)
                {
                    return;
                }

                await RawTcpServer.WriteAsync(stream, $"HTTP/1.1 302 Found\r\nLocation: /loop/{Guid.NewGuid():N}\r\nContent-Length: 0\r\n\r\n", ct);
            }
        });
        using var fetcher = Fetchers.Loopback(maxRedirects: 5);

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/loop/start")));

        AssertError(response, FetchErrorKind.TooManyRedirects);
    }

    [Fact]
    public async Task Connection_reset_mid_body_is_a_network_error()
    {
        await using var server = new RawTcpServer(async (stream, socket, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            await RawTcpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n<rss><channel>", ct);
            await stream.FlushAsync(ct);
            await Task.Delay(100, ct);
            socket.LingerState = new System.Net.Sockets.LingerOption(true, 0); // RST instead of FIN
            socket.Close();
        });
        using var fetcher = Fetchers.Loopback();

        AssertError(await fetcher.FetchAsync(new FetchRequest(server.Url())), FetchErrorKind.Network);
    }

    [Fact]
    public async Task Garbage_instead_of_http_is_a_network_error()
    {
        await using var server = new RawTcpServer(async (stream, _, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            var garbage = new byte[4096];
            new Random(7).NextBytes(garbage);
            await stream.WriteAsync(garbage, ct);
        });
        using var fetcher = Fetchers.Loopback();

        AssertError(await fetcher.FetchAsync(new FetchRequest(server.Url())), FetchErrorKind.Network);
    }

    private static void AssertError(FetchResponse response, FetchErrorKind expected)
    {
        Assert.False(response.IsSuccess);
        Assert.True(response.Error is not null, $"expected {expected}, got HTTP {response.StatusCode} with {response.Body.Length} bytes");
        Assert.Equal(expected, response.Error!.Kind);
        Assert.False(string.IsNullOrWhiteSpace(response.Error.Message));
        Assert.True(response.Body.Length <= 4 << 20);
    }

    private static async Task StreamZerosAsync(Stream stream, long count, CancellationToken ct)
    {
        var chunk = new byte[64 * 1024];
        for (long sent = 0; sent < count; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk, ct);
        }
    }

    private static byte[] CompressedZeros(string encoding, long size)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true),
        })
        {
            var zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.Length)
            {
                compressor.Write(zeros);
            }
        }

        return output.ToArray();
    }
}
