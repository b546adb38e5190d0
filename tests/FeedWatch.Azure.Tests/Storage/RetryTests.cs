using System.Net;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Azure.Tests.Azurite;
using FeedWatch.Core.Ports.Blobs;

namespace FeedWatch.Azure.Tests.Storage;

/// <summary>Faults injected between the SDK client pipeline (with FeedWatch's retry settings) and a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string container = "fw-retry-" + Guid.NewGuid().ToString("N")[..16];

    public async Task InitializeAsync() => await azurite.Connection.GetBlobContainerClient(container).CreateIfNotExistsAsync();

    public Task DisposeAsync() => azurite.Connection.GetBlobContainerClient(container).DeleteIfExistsAsync();

    private AzureBlobStore Store(ScriptedHandler handler)
    {
        var options = StorageClientDefaults.Blob();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxRetries = 4;
        return new AzureBlobStore(azurite.Connection.GetBlobContainerClient(container, options));
    }

    private AzureBlobStore Direct() => new(azurite.Connection.GetBlobContainerClient(container));

    // Only the blob writes are scripted; the container check the store makes first passes through.
    private static bool IsBlobWrite(HttpRequestMessage request) => request.Method == HttpMethod.Put && !request.RequestUri!.Query.Contains("restype=container", StringComparison.Ordinal);

    private static HttpResponseMessage Status(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(string.Empty) };
        if (retryAfter is not null)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter.Value);
        }

        return response;
    }

    private static ScriptedHandler OnWrites(Func<int, HttpResponseMessage?> script)
    {
        var writes = 0;
        return new ScriptedHandler((request, _) => IsBlobWrite(request) ? script(Interlocked.Increment(ref writes)) : null);
    }

    private static int Writes(ScriptedHandler handler) => handler.Seen.Count(s => IsBlobWrite(s.Request));

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Transient_statuses_are_retried_until_the_service_answers(HttpStatusCode status)
    {
        var handler = OnWrites(attempt => attempt <= 2 ? Status(status) : null);

        var result = await Store(handler).PutAsync("retry/a.json", Encoding.UTF8.GetBytes("ok"), new BlobPutOptions());

        Assert.Equal(3, Writes(handler));
        Assert.True(result.Written);
        Assert.Equal("ok", Encoding.UTF8.GetString((await Direct().GetAsync("retry/a.json"))!.Content.Span));
    }

    [Fact]
    public async Task Network_faults_are_retried()
    {
        var handler = OnWrites(attempt => attempt == 1 ? throw new HttpRequestException("connection reset (injected)") : null);

        await Store(handler).PutAsync("retry/net.json", Encoding.UTF8.GetBytes("ok"), new BlobPutOptions());

        Assert.Equal(2, Writes(handler));
    }

    [Fact]
    public async Task Retry_after_is_honoured_over_the_shorter_backoff()
    {
        var handler = OnWrites(attempt => attempt == 1 ? Status(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(1)) : null);

        await Store(handler).PutAsync("retry/after.json", Encoding.UTF8.GetBytes("ok"), new BlobPutOptions());

        var times = handler.Seen.Where(s => IsBlobWrite(s.Request)).Select(s => s.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"second attempt came after {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Retries_are_bounded_and_end_in_the_service_error()
    {
        var handler = OnWrites(_ => Status(HttpStatusCode.ServiceUnavailable));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Store(handler).PutAsync("retry/never.json", new byte[] { 1 }, new BlobPutOptions()));

        Assert.Equal(503, error.Status);
        Assert.Equal(5, Writes(handler));
    }

    [Fact]
    public async Task Failed_conditions_are_not_retried()
    {
        var handler = OnWrites(_ => null);
        var store = Store(handler);
        await store.PutAsync("retry/once.json", new byte[] { 1 }, new BlobPutOptions());

        var lost = await store.PutAsync("retry/once.json", new byte[] { 2 }, new BlobPutOptions { IfMatch = "\"0x1\"" });

        Assert.False(lost.Written);
        Assert.Equal(2, Writes(handler));
    }

    [Fact]
    public async Task Queue_sends_survive_an_injected_503()
    {
        var sends = 0;
        var handler = new ScriptedHandler((request, _) =>
            request.Method == HttpMethod.Post && Interlocked.Increment(ref sends) == 1 ? Status(HttpStatusCode.ServiceUnavailable) : null);
        var options = StorageClientDefaults.Queue();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var name = "fw-retry-" + Guid.NewGuid().ToString("N")[..12];
        var queue = new AzureQueueProvider(azurite.Connection, options).GetQueue(name);
        await queue.CreateIfNotExistsAsync();

        await queue.SendAsync("hello");

        Assert.Equal(2, handler.Seen.Count(s => s.Request.Method == HttpMethod.Post));
        Assert.Equal("hello", Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30))).Body);
        await azurite.Connection.GetQueueClient(name).DeleteIfExistsAsync();
    }
}
