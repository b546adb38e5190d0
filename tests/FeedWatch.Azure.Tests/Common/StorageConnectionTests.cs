using Azure.Core;
using FeedWatch.Azure.Common;

namespace FeedWatch.Azure.Tests.Common;

public sealed class StorageConnectionTests
{
    private const string Key = "a2V5LWZvci10ZXN0cy1vbmx5LW5vdC1hLXNlY3JldA==";

    [Fact]
    public void Development_storage_points_at_the_local_emulator_with_the_well_known_account()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), connection.BlobServiceUri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueServiceUri);
        Assert.Equal("shared key", connection.CredentialKind);
        Assert.Equal("devstoreaccount1", connection.AccountName);
    }

    [Fact]
    public void Account_name_and_key_derive_endpoints_from_protocol_and_suffix()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=newsdesk;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://newsdesk.blob.core.chinacloudapi.cn"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://newsdesk.queue.core.chinacloudapi.cn"), connection.QueueServiceUri);
        Assert.Equal("shared key", connection.CredentialKind);
    }

    [Fact]
    public void Default_suffix_is_the_public_cloud()
    {
        var connection = StorageConnection.Parse($"AccountName=newsdesk;AccountKey={Key}");
        Assert.Equal(new Uri("https://newsdesk.blob.core.windows.net"), connection.BlobServiceUri);
    }

    [Fact]
    public void Explicit_endpoints_win_over_derived_ones()
    {
        var connection = StorageConnection.Parse(
            $"AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:1234/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1235/devstoreaccount1");

        Assert.Equal(new Uri("http://127.0.0.1:1234/devstoreaccount1"), connection.BlobServiceUri);
        Assert.Equal(new Uri("http://127.0.0.1:1235/devstoreaccount1"), connection.QueueServiceUri);
    }

    [Fact]
    public void Sas_connection_string_authenticates_with_the_signature()
    {
        var connection = StorageConnection.Parse(
            "BlobEndpoint=https://newsdesk.blob.core.windows.net/;QueueEndpoint=https://newsdesk.queue.core.windows.net/;SharedAccessSignature=sv=2025-11-05&ss=bq&srt=sco&sp=rwdlacup&se=2030-01-01T00%3A00%3A00Z&sig=abc%3D");

        Assert.Equal("shared access signature", connection.CredentialKind);
        Assert.Equal(new Uri("https://newsdesk.queue.core.windows.net/"), connection.QueueServiceUri);
    }

    [Theory]
    [InlineData("AccountKey=" + Key)]
    [InlineData("AccountName=a;AccountKey=not base64!")]
    [InlineData("garbage")]
    [InlineData("BlobEndpoint=https://x.blob.core.windows.net/")]
    public void Broken_connection_strings_fail_with_a_message_saying_what_is_needed(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));
        Assert.Contains("not usable", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccountName and AccountKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sas_is_never_part_of_the_shown_endpoints()
    {
        var connection = StorageConnection.Parse(
            "BlobEndpoint=https://newsdesk.blob.core.windows.net/;QueueEndpoint=https://newsdesk.queue.core.windows.net/;SharedAccessSignature=sv=2025-11-05&sig=abc%3D");

        Assert.DoesNotContain("sig=", connection.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, connection.BlobServiceUri.Query);
        Assert.Equal(string.Empty, connection.QueueServiceUri.Query);
    }

    [Fact]
    public void Description_never_shows_the_key()
    {
        var connection = StorageConnection.Parse($"AccountName=newsdesk;AccountKey={Key}");
        Assert.DoesNotContain(Key, connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_identity_settings_use_service_uris_with_a_token_credential()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://newsdesk.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://newsdesk.queue.core.windows.net",
        };

        var connection = StorageConnection.FromSettings(key => settings.GetValueOrDefault(key), credential: new StaticTokenCredential("t"));

        Assert.NotNull(connection);
        Assert.Equal(new Uri("https://newsdesk.blob.core.windows.net"), connection.BlobServiceUri);
        Assert.Equal("Microsoft Entra token", connection.CredentialKind);
    }

    [Fact]
    public void Functions_account_name_setting_derives_both_service_uris()
    {
        var connection = StorageConnection.FromSettings(
            key => key == "Storage:accountName" ? "newsdesk" : null, "Storage", new StaticTokenCredential("t"));

        Assert.Equal(new Uri("https://newsdesk.queue.core.windows.net"), connection!.QueueServiceUri);
    }

    [Fact]
    public void Functions_settings_with_a_connection_string_parse_it_and_none_gives_null()
    {
        Assert.Equal("shared key", StorageConnection.FromSettings(key => key == "AzureWebJobsStorage" ? "UseDevelopmentStorage=true" : null)!.CredentialKind);
        Assert.Null(StorageConnection.FromSettings(_ => null));
        Assert.Throws<FormatException>(() => StorageConnection.FromSettings(key => key.EndsWith("blobServiceUri", StringComparison.Ordinal) ? "https://x" : null));
    }

    private sealed class StaticTokenCredential(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
