using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Blobs;
using FeedWatch.Azure.Storage.Queues;
using FeedWatch.Azure.Tests.Azurite;

namespace FeedWatch.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string queueName = "fw-queue-" + Guid.NewGuid().ToString("N")[..12];

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => new QueueClient(azurite.Connection, queueName).DeleteIfExistsAsync();

    [Fact]
    public async Task Messages_travel_base64_encoded_as_the_functions_trigger_expects()
    {
        var client = new QueueClient(azurite.Connection, queueName);
        Assert.True(await client.CreateIfNotExistsAsync());
        Assert.False(await client.CreateIfNotExistsAsync());
        await client.SendMessageAsync("{\"url\":\"https://seed-a.example/é\"}");

        var raw = new QueueClient(azurite.Connection, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var onTheWire = Assert.Single(await raw.PeekMessagesAsync(1)).MessageText;

        Assert.Equal("{\"url\":\"https://seed-a.example/é\"}", Encoding.UTF8.GetString(Convert.FromBase64String(onTheWire)));
    }

    [Fact]
    public async Task Sent_messages_do_not_expire()
    {
        var client = new QueueClient(azurite.Connection, queueName);
        await client.CreateIfNotExistsAsync();

        var receipt = await client.SendMessageAsync("keep");

        Assert.True(receipt.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100), $"expires {receipt.ExpiresOn}");
    }

    [Fact]
    public async Task Token_credentials_send_a_bearer_token_and_the_pinned_version()
    {
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(System.Net.HttpStatusCode.Created) { Content = new StringContent(string.Empty) }, passThrough: false);
        var options = new BlobClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        var client = new BlobContainerClient(new Uri("https://newsdesk.blob.core.windows.net/feedwatch"), new FixedToken("token-123"), options);

        Assert.True(await client.CreateIfNotExistsAsync());

        var request = Assert.Single(handler.Seen).Request;
        Assert.Equal("Bearer token-123", request.Headers.Authorization?.ToString());
        Assert.Equal(StorageServiceVersion.Pinned, request.Headers.GetValues("x-ms-version").Single());
        Assert.Equal(StorageAuthentication.StorageScope, FixedToken.LastScope);
    }

    private sealed class FixedToken(string token) : TokenCredential
    {
        public static string? LastScope { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            LastScope = requestContext.Scopes.Single();
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
