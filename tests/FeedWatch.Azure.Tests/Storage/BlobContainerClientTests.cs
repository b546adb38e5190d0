using System.Net;
using System.Text;
using Azure;
using Azure.Core.Pipeline;
using FeedWatch.Azure.Common;
using FeedWatch.Azure.Storage.Blobs;
using FeedWatch.Azure.Tests.Azurite;

namespace FeedWatch.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobContainerClientTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string container = "fw-blob-" + Guid.NewGuid().ToString("N")[..16];

    private BlobContainerClient Client(BlobClientOptions? options = null) => new(azurite.Connection, container, options);

    public async Task InitializeAsync() => await Client().CreateIfNotExistsAsync();

    public Task DisposeAsync() => Client().DeleteIfExistsAsync();

    [Fact]
    public async Task Create_container_reports_whether_it_was_new()
    {
        var other = new BlobContainerClient(azurite.Connection, container + "-x");
        Assert.True(await other.CreateIfNotExistsAsync());
        Assert.False(await other.CreateIfNotExistsAsync());
        Assert.True(await other.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task Listing_pages_with_continuation_markers()
    {
        var client = Client();
        for (var i = 0; i < 25; i++)
        {
            await client.UploadAsync($"feeds/{i:D2}.json", Encoding.UTF8.GetBytes("{}"), new BlobUploadOptions { ContentType = "application/json" });
        }

        await client.UploadAsync("stories/x.json", Encoding.UTF8.GetBytes("{}"));

        var pages = new List<Page<BlobItem>>();
        await foreach (var page in client.GetBlobsAsync("feeds/").AsPages(pageSizeHint: 10))
        {
            pages.Add(page);
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Values.Count));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[2].ContinuationToken);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"feeds/{i:D2}.json"), pages.SelectMany(p => p.Values).Select(b => b.Name));
        Assert.All(pages.SelectMany(p => p.Values), b => Assert.Equal("application/json", b.Properties.ContentType));
    }

    [Fact]
    public async Task Download_with_the_current_etag_answers_not_modified()
    {
        var client = Client();
        var uploaded = await client.UploadAsync("feeds/f.json", Encoding.UTF8.GetBytes("{\"etag\":1}"));

        var notModified = await client.DownloadAsync("feeds/f.json", ifNoneMatch: uploaded.ETag);
        var modified = await client.DownloadAsync("feeds/f.json", ifNoneMatch: "\"0x1\"");

        Assert.True(notModified.NotModified);
        Assert.True(notModified.Content.IsEmpty);
        Assert.False(modified.NotModified);
        Assert.Equal("{\"etag\":1}", Encoding.UTF8.GetString(modified.Content.Span));
    }

    [Fact]
    public async Task Failures_carry_the_service_error_code()
    {
        var missingBlob = await Assert.ThrowsAsync<RequestFailedException>(() => Client().DownloadAsync("nope.json"));
        var missingContainer = await Assert.ThrowsAsync<RequestFailedException>(() =>
            new BlobContainerClient(azurite.Connection, "fw-missing-container").DownloadAsync("nope.json"));
        await Client().UploadAsync("once.json", new byte[] { 1 });
        var exists = await Assert.ThrowsAsync<RequestFailedException>(() =>
            Client().UploadAsync("once.json", new byte[] { 2 }, new BlobUploadOptions { IfNoneMatch = "*" }));

        Assert.Equal((404, "BlobNotFound"), (missingBlob.Status, missingBlob.ErrorCode));
        Assert.Equal((404, "ContainerNotFound"), (missingContainer.Status, missingContainer.ErrorCode));
        Assert.Equal((409, "BlobAlreadyExists"), (exists.Status, exists.ErrorCode));
    }

    [Fact]
    public async Task Wrong_account_key_is_rejected_so_the_right_one_proves_the_signature()
    {
        var wrongKey = new AzureNamedKeyCredential(StorageConnection.DevelopmentAccountName, Convert.ToBase64String(new byte[64]));
        var client = new BlobContainerClient(new Uri(azurite.Connection.BlobServiceUri + "/" + container), wrongKey);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadAsync("x.json", new byte[] { 1 }));

        Assert.Equal(403, error.Status);
        Assert.False(string.IsNullOrEmpty(error.ErrorCode));
    }

    [Fact]
    public async Task Large_bodies_go_up_in_blocks_and_a_commit_condition_still_applies()
    {
        var handler = new ScriptedHandler((_, _) => null);
        var options = new BlobClientOptions { SingleUploadThreshold = 1024, BlockSize = 300, Transport = new HttpClientTransport(new HttpClient(handler)) };
        var client = Client(options);
        var body = Enumerable.Range(0, 1100).Select(i => (byte)i).ToArray();

        var uploaded = await client.UploadAsync("raw/page.html.gz", body, new BlobUploadOptions { ContentType = "text/html", ContentEncoding = "gzip", IfNoneMatch = "*" });
        var blocks = handler.Seen.Count(s => s.Request.RequestUri!.Query.Contains("comp=block&", StringComparison.Ordinal));
        var again = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadAsync("raw/page.html.gz", body, new BlobUploadOptions { IfNoneMatch = "*" }));
        var downloaded = await client.DownloadAsync("raw/page.html.gz");

        Assert.True(blocks == 4, string.Join(" | ", handler.Seen.Select(s => s.Request.Method + " " + s.Request.RequestUri)));
        Assert.Equal(409, again.Status);
        Assert.Equal(body, downloaded.Content.ToArray());
        Assert.Equal(uploaded.ETag, downloaded.Properties.ETag);
        Assert.Equal("gzip", downloaded.Properties.ContentEncoding);
        Assert.Equal("text/html", downloaded.Properties.ContentType);
    }

    [Fact]
    public async Task Account_sas_from_a_connection_string_works()
    {
        var sas = new AccountSasBuilder(StorageConnection.DevelopmentAccountName, StorageConnection.DevelopmentAccountKey, DateTimeOffset.UtcNow.AddHours(1))
        {
            Protocol = "https,http",
        }.ToSasQuery();
        var connection = StorageConnection.Parse(
            $"BlobEndpoint={azurite.Connection.BlobServiceUri};QueueEndpoint={azurite.Connection.QueueServiceUri};SharedAccessSignature={sas}");
        var client = new BlobContainerClient(connection, container);

        await client.UploadAsync("sas/a.json", Encoding.UTF8.GetBytes("via sas"));
        var listed = new List<string>();
        await foreach (var blob in client.GetBlobsAsync("sas/"))
        {
            listed.Add(blob.Name);
        }

        Assert.Equal(["sas/a.json"], listed);
        Assert.Equal("via sas", Encoding.UTF8.GetString((await client.DownloadAsync("sas/a.json")).Content.Span));
    }

    [Fact]
    public async Task A_tampered_sas_is_rejected()
    {
        var sas = new AccountSasBuilder(StorageConnection.DevelopmentAccountName, StorageConnection.DevelopmentAccountKey, DateTimeOffset.UtcNow.AddHours(1))
        {
            Protocol = "https,http",
            Permissions = "r",
        }.ToSasQuery().Replace("sp=r", "sp=rw", StringComparison.Ordinal);
        var client = new BlobContainerClient(new Uri(azurite.Connection.BlobServiceUri + "/" + container), new AzureSasCredential(sas));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.UploadAsync("sas/b.json", new byte[] { 1 }));

        Assert.Equal((int)HttpStatusCode.Forbidden, error.Status);
    }
}
