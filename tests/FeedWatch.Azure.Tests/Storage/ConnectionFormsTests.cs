using System.Text;
using Azure;
using Azure.Storage;
using Azure.Storage.Sas;
using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Adapters;
using FeedWatch.Azure.Tests.Azurite;
using FeedWatch.Core.Ports.Blobs;

namespace FeedWatch.Azure.Tests.Storage;

/// <summary>Every connection form FeedWatch accepts reaches a real Azurite through the SDK clients, and wrong credentials are refused.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConnectionFormsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string container = "fw-forms-" + Guid.NewGuid().ToString("N")[..16];

    public async Task InitializeAsync() => await azurite.Connection.GetBlobContainerClient(container).CreateIfNotExistsAsync();

    public Task DisposeAsync() => azurite.Connection.GetBlobContainerClient(container).DeleteIfExistsAsync();

    private static BlobPutOptions Json => new() { ContentType = "application/json" };

    private async Task AssertRoundTripAsync(StorageConnection connection, string name)
    {
        var blobs = new AzureBlobStore(connection.GetBlobContainerClient(container));
        var put = await blobs.PutAsync(name, Encoding.UTF8.GetBytes("{\"form\":1}"), Json);
        var got = await blobs.GetAsync(name);
        var queue = new AzureQueueProvider(connection).GetQueue("fw-forms-" + Guid.NewGuid().ToString("N")[..12]);
        await queue.SendAsync("hello");
        var received = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30)));

        Assert.True(put.Written);
        Assert.Equal("{\"form\":1}", Encoding.UTF8.GetString(got!.Content.Span));
        Assert.Equal(put.ETag, got.Info.ETag);
        Assert.Equal("hello", received.Body);
        await connection.GetQueueClient(queue.Name).DeleteIfExistsAsync();
    }

    [Fact]
    public Task Account_key_connection_string_with_explicit_endpoints() =>
        AssertRoundTripAsync(StorageConnection.Parse(azurite.ConnectionString), "forms/key.json");

    [Fact]
    public Task Shared_key_credential_on_service_uris() =>
        AssertRoundTripAsync(azurite.Connection, "forms/development.json");

    [Fact]
    public async Task Account_sas_connection_string()
    {
        var sas = AccountSas(AccountSasPermissions.All);
        var connection = StorageConnection.Parse(
            $"BlobEndpoint={azurite.Connection.BlobServiceUri};QueueEndpoint={azurite.Connection.QueueServiceUri};SharedAccessSignature={sas}");

        Assert.Equal("shared access signature", connection.CredentialKind);
        await AssertRoundTripAsync(connection, "forms/sas.json");
    }

    [Fact]
    public async Task A_read_only_sas_cannot_write()
    {
        var connection = StorageConnection.Parse(
            $"BlobEndpoint={azurite.Connection.BlobServiceUri};QueueEndpoint={azurite.Connection.QueueServiceUri};SharedAccessSignature={AccountSas(AccountSasPermissions.Read)}");
        var blobs = new AzureBlobStore(connection.GetBlobContainerClient(container));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blobs.PutAsync("forms/denied.json", new byte[] { 1 }, Json));

        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task Wrong_account_key_is_rejected()
    {
        var wrong = azurite.ConnectionString.Replace(StorageConnection.DevelopmentAccountKey, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        var blobs = new AzureBlobStore(StorageConnection.Parse(wrong).GetBlobContainerClient(container));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blobs.PutAsync("forms/wrong.json", new byte[] { 1 }, Json));

        Assert.Equal(403, error.Status);
        Assert.False(string.IsNullOrEmpty(error.ErrorCode));
    }

    private string AccountSas(AccountSasPermissions permissions)
    {
        var builder = new AccountSasBuilder(permissions, DateTimeOffset.UtcNow.AddHours(1), AccountSasServices.Blobs | AccountSasServices.Queues, AccountSasResourceTypes.All)
        {
            Protocol = SasProtocol.HttpsAndHttp,
        };
        return builder.ToSasQueryParameters(new StorageSharedKeyCredential(StorageConnection.DevelopmentAccountName, StorageConnection.DevelopmentAccountKey)).ToString();
    }
}
