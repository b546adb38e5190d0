using System.Net;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;
using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Azure.Tests.Azurite;

namespace FeedWatch.Azure.Tests.Storage;

/// <summary>What goes over the wire: base64 queue bodies the Functions trigger reads, no expiry, the pinned REST version, bearer tokens.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WireFormatTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string queueName = "fw-queue-" + Guid.NewGuid().ToString("N")[..12];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => azurite.Connection.GetQueueClient(queueName).DeleteIfExistsAsync();

    [Fact]
    public async Task Messages_travel_base64_encoded_as_the_functions_trigger_expects()
    {
        var queue = new AzureQueueProvider(azurite.Connection).GetQueue(queueName);
        await queue.SendAsync("{\"url\":\"https://seed-a.example/é\"}");

        var rawOptions = StorageClientDefaults.Queue();
        rawOptions.MessageEncoding = QueueMessageEncoding.None;
        var onTheWire = Assert.Single((await azurite.Connection.GetQueueClient(queueName, rawOptions).PeekMessagesAsync(1)).Value).Body.ToString();

        Assert.Equal("{\"url\":\"https://seed-a.example/é\"}", Encoding.UTF8.GetString(Convert.FromBase64String(onTheWire)));
        Assert.Equal("{\"url\":\"https://seed-a.example/é\"}", Assert.Single(await queue.PeekAsync(1)).Body);
    }

    [Fact]
    public async Task Sent_messages_do_not_expire()
    {
        var queue = new AzureQueueProvider(azurite.Connection).GetQueue(queueName);
        await queue.SendAsync("keep");

        var client = azurite.Connection.GetQueueClient(queueName);
        var received = Assert.Single((await client.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);

        Assert.True(received.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100), $"expires {received.ExpiresOn}");
    }

    [Fact]
    public async Task Token_credentials_send_a_bearer_token_for_storage_and_the_pinned_version()
    {
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(string.Empty) }, passThrough: false);
        var options = StorageClientDefaults.Blob();
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var token = new FixedToken("token-123");
        var connection = StorageConnection.FromServiceUris(new Uri("https://newsdesk.blob.core.windows.net"), new Uri("https://newsdesk.queue.core.windows.net"), token);

        await connection.GetBlobContainerClient("feedwatch", options).CreateIfNotExistsAsync();

        var request = Assert.Single(handler.Seen).Request;
        Assert.Equal("Bearer token-123", request.Headers.Authorization?.ToString());
        Assert.Equal(StorageClientDefaults.PinnedRestVersion, request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal("https://storage.azure.com/.default", token.LastScope);
    }

    [Fact]
    public async Task Queue_requests_carry_the_pinned_version_too()
    {
        var handler = new ScriptedHandler((_, _) => null);
        var options = StorageClientDefaults.Queue();
        options.Transport = new HttpClientTransport(new HttpClient(handler));

        await new AzureQueueProvider(azurite.Connection, options).GetQueue(queueName).SendAsync("v");

        Assert.All(handler.Seen, s => Assert.Equal(StorageClientDefaults.PinnedRestVersion, s.Request.Headers.GetValues("x-ms-version").Single()));
    }

    private sealed class FixedToken(string token) : TokenCredential
    {
        public string? LastScope { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            LastScope = requestContext.Scopes.Single();
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
