using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FeedWatch.Reliability.Tests.Support;

namespace FeedWatch.Reliability.Tests.FaultInjection.Storage;

/// <summary>The proxy's faults are what they claim: real resets, real status codes, answers held past a client's timeout.</summary>
public sealed class FaultInjectingStorageProxyTests
{
    private static async Task<(RawTcpServer Upstream, Func<int> Requests)> StartUpstreamAsync()
    {
        var requests = 0;
        var upstream = new RawTcpServer(async (stream, socket, ct) =>
        {
            await RawTcpServer.ReadRequestHeadAsync(stream, ct);
            Interlocked.Increment(ref requests);
            await RawTcpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Length: 2048\r\nConnection: close\r\n\r\n" + new string('x', 2048), ct);
        });
        await Task.Yield();
        return (upstream, () => Volatile.Read(ref requests));
    }

    private static async Task<Exception?> GetAsync(int port, TimeSpan? timeout = null)
    {
        using var client = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(20) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/devstoreaccount1/c/blob.json"));
            await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode ? null : new HttpRequestException(response.StatusCode + " " + response.Headers.RetryAfter?.Delta?.TotalSeconds, null, response.StatusCode);
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Theory]
    [InlineData(StorageFault.ResetMidRequest, 0)]
    [InlineData(StorageFault.ResetMidResponse, 1)]
    public async Task Resets_are_tcp_resets(StorageFault fault, int requestsReachingUpstream)
    {
        var (upstream, requests) = await StartUpstreamAsync();
        await using var _ = upstream;
        await using var proxy = new FaultInjectingStorageProxy(upstream.Port, new StorageFaultInjector(new StorageFaultPlan(1) { Only = fault }));

        var error = await GetAsync(proxy.Port);

        var reset = Flatten(error).OfType<SocketException>().FirstOrDefault();
        Assert.True(reset?.SocketErrorCode == SocketError.ConnectionReset, $"expected a connection reset, got {error}");
        Assert.Equal(requestsReachingUpstream, requests());
    }

    [Theory]
    [InlineData(StorageFault.InternalError, HttpStatusCode.InternalServerError, "")]
    [InlineData(StorageFault.ServerBusy, HttpStatusCode.ServiceUnavailable, "")]
    [InlineData(StorageFault.ServerBusyRetryAfter, HttpStatusCode.ServiceUnavailable, "1")]
    public async Task Error_statuses_never_reach_the_service(StorageFault fault, HttpStatusCode status, string retryAfter)
    {
        var (upstream, requests) = await StartUpstreamAsync();
        await using var _ = upstream;
        await using var proxy = new FaultInjectingStorageProxy(upstream.Port, new StorageFaultInjector(new StorageFaultPlan(1) { Only = fault }));

        var error = Assert.IsType<HttpRequestException>(await GetAsync(proxy.Port));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal((status + " " + retryAfter).Trim(), error.Message.Trim());
        Assert.Equal(0, requests());
    }

    [Fact]
    public async Task A_timeout_is_served_by_the_service_and_answered_too_late()
    {
        var (upstream, requests) = await StartUpstreamAsync();
        await using var _ = upstream;
        var plan = new StorageFaultPlan(1) { Only = StorageFault.Timeout, ResponseDelay = TimeSpan.FromSeconds(3) };
        await using var proxy = new FaultInjectingStorageProxy(upstream.Port, new StorageFaultInjector(plan));
        var clock = Stopwatch.StartNew();

        var error = await GetAsync(proxy.Port, TimeSpan.FromSeconds(1));

        Assert.IsType<TaskCanceledException>(error);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2.9));
        Assert.Equal(1, requests());
    }

    [Fact]
    public async Task Without_a_fault_the_answer_passes_unchanged()
    {
        var (upstream, requests) = await StartUpstreamAsync();
        await using var _ = upstream;
        await using var proxy = new FaultInjectingStorageProxy(upstream.Port, new StorageFaultInjector(new StorageFaultPlan(1) { Only = StorageFault.None }));

        Assert.Null(await GetAsync(proxy.Port));
        Assert.Equal(1, requests());
    }

    private static IEnumerable<Exception> Flatten(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
