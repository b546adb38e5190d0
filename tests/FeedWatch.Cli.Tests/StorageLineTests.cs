using FeedWatch.Cli.Hosting;
using FeedWatch.Cli.Tests.Support;
using Spectre.Console;

namespace FeedWatch.Cli.Tests;

/// <summary>
/// The line every storage-using command prints first says where the data is: the data folder on the embedded store,
/// the Azure Storage account and endpoints with `--storage` — never the account key or a SAS signature.
/// (Building the host does not contact the account, so these need no Azurite.)
/// </summary>
public sealed class StorageLineTests
{
    private const string Key = "bm90LWEtcmVhbC1rZXktanVzdC1mb3ItdGhlLXN0b3JhZ2UtbGluZS10ZXN0";
    private const string Signature = "c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1iZS1wcmludGVk";

    [Fact]
    public void Account_key_connection_prints_the_account_and_endpoints_but_not_the_key()
    {
        var line = Describe(storage: $"DefaultEndpointsProtocol=https;AccountName=fwnews;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal(
            "Storage: Azure Storage account fwnews, container feedwatch (blob https://fwnews.blob.core.windows.net/, queue https://fwnews.queue.core.windows.net/; shared key)",
            line);
        Assert.DoesNotContain(Key, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Sas_connection_prints_endpoints_without_the_signature_even_when_pasted_into_an_endpoint()
    {
        var line = Describe(storage:
            $"BlobEndpoint=https://fwnews.blob.core.windows.net/?sv=2025-11-05&sig={Signature};" +
            $"QueueEndpoint=https://fwnews.queue.core.windows.net/;SharedAccessSignature=sv=2025-11-05&ss=bq&sig={Signature}",
            container: "newsroom");

        // The SDK reads the account name from the endpoint host.
        Assert.Equal("Storage: Azure Storage account fwnews, container newsroom (blob https://fwnews.blob.core.windows.net/, queue https://fwnews.queue.core.windows.net/; shared access signature)", line);
        Assert.DoesNotContain(Signature, line, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Azurite_prints_its_loopback_endpoints()
    {
        var line = Describe(storage: "UseDevelopmentStorage=true");

        Assert.Equal(
            "Storage: Azure Storage account devstoreaccount1, container feedwatch (blob http://127.0.0.1:10000/devstoreaccount1, queue http://127.0.0.1:10001/devstoreaccount1; shared key)",
            line);
    }

    [Fact]
    public void Embedded_store_prints_the_data_folder()
    {
        using var folder = new TempFolder();

        Assert.Equal("Data folder: " + folder.Path, Describe(data: folder.Path));
    }

    private static string Describe(string? storage = null, string? data = null, string? container = null)
    {
        var settings = new Dictionary<string, string?>();
        if (container is not null)
        {
            settings["FeedWatch:Storage:Container"] = container;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        using var host = CliHost.Build(new CliContext(console, new StringWriter(), settings), data, storage: storage);
        return CliHost.DescribeStorage(host);
    }
}
