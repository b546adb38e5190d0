using System.Diagnostics;
using System.Net;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using FeedWatch.Azure.Storage.Blobs;
using FeedWatch.Azure.Storage.Queues;
using FeedWatch.Azure.Tests.Azurite;

namespace FeedWatch.Azure.Tests.Storage;

/// <summary>Faults injected between the client pipeline and a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string container = "fw-retry-" + Guid.NewGuid().ToString("N")[..16];

    public Task InitializeAsync() => new BlobContainerClient(azurite.Connection, container).CreateIfNotExistsAsync();

    public Task DisposeAsync() => new BlobContainerClient(azurite.Connection, container).DeleteIfExistsAsync();

    private BlobContainerClient Client(ScriptedHandler handler)
    {
        var options = new BlobClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxRetries = 4;
        return new BlobContainerClient(azurite.Connection, container, options);
    }

    private static HttpResponseMessage Status(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(string.Empty) };
        if (retryAfter is not null)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter.Value);
        }

        return response;
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Transient_statuses_are_retried_until_the_service_answers(HttpStatusCode status)
    {
        var handler = new ScriptedHandler((_, attempt) => attempt <= 2 ? Status(status) : null);

        var result = await Client(handler).UploadAsync("retry/a.json", Encoding.UTF8.GetBytes("ok"));

        Assert.Equal(3, handler.Attempts);
        Assert.False(string.IsNullOrEmpty(result.ETag));
        Assert.Equal("ok", Encoding.UTF8.GetString((await new BlobContainerClient(azurite.Connection, container).DownloadAsync("retry/a.json")).Content.Span));
    }

    [Fact]
    public async Task Network_faults_are_retried()
    {
        var handler = new ScriptedHandler((_, attempt) => attempt == 1 ? throw new HttpRequestException("connection reset (injected)") : null);

        await Client(handler).UploadAsync("retry/net.json", Encoding.UTF8.GetBytes("ok"));

        Assert.Equal(2, handler.Attempts);
    }

    [Fact]
    public async Task Retry_after_is_honoured_over_the_shorter_backoff()
    {
        var handler = new ScriptedHandler((_, attempt) => attempt == 1 ? Status(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(1)) : null);

        await Client(handler).UploadAsync("retry/after.json", Encoding.UTF8.GetBytes("ok"));

        var times = handler.Seen.Select(s => s.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"second attempt came after {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Retries_are_bounded_and_end_in_the_service_error()
    {
        var handler = new ScriptedHandler((_, _) => Status(HttpStatusCode.ServiceUnavailable));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Client(handler).UploadAsync("retry/never.json", new byte[] { 1 }));

        Assert.Equal(503, error.Status);
        Assert.Equal(5, handler.Attempts);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var handler = new ScriptedHandler((_, _) => null);
        var client = Client(handler);
        await client.UploadAsync("retry/once.json", new byte[] { 1 });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadAsync("retry/once.json", new byte[] { 2 }, new BlobUploadOptions { IfMatch = "\"0x1\"" }));

        Assert.Equal(412, error.Status);
        Assert.Equal(2, handler.Attempts);
    }

    [Fact]
    public async Task Queue_sends_survive_an_injected_503()
    {
        var handler = new ScriptedHandler((request, attempt) => attempt == 2 ? Status(HttpStatusCode.ServiceUnavailable) : null);
        var options = new QueueClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var queue = new QueueClient(azurite.Connection, "fw-retry-" + Guid.NewGuid().ToString("N")[..12], options);
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("hello");

        Assert.Equal(3, handler.Attempts);
        Assert.Equal("hello", Assert.Single(await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).MessageText);
        await queue.DeleteIfExistsAsync();
    }
}
