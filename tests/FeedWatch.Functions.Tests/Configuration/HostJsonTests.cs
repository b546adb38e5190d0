using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Tests.Support;

namespace FeedWatch.Functions.Tests.Configuration;

/// <summary>host.json must give the queue triggers the same semantics as the local durable queue.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonElement Host = JsonDocument.Parse(RepoPaths.ReadText("host.json")).RootElement;
    private static readonly JsonElement Queues = Host.GetProperty("extensions").GetProperty("queues");

    private static TimeSpan Duration(JsonElement element, string name) =>
        TimeSpan.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public void It_is_a_version_2_host_file_with_a_bounded_function_timeout()
    {
        Assert.Equal("2.0", Host.GetProperty("version").GetString());
        var timeout = Duration(Host, "functionTimeout");
        Assert.InRange(timeout, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void Poison_handling_matches_the_local_queue()
    {
        Assert.Equal(QueueNames.MaxDequeueCount, Queues.GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public void Messages_are_base64_as_the_Azure_queue_client_writes_them()
    {
        // The stages send through FeedWatch.Azure's queue client; the trigger decodes what host.json says.
        Assert.Equal("base64", Queues.GetProperty("messageEncoding").GetString());
        Assert.Equal(QueueMessageEncoding.Base64, FeedWatch.Azure.Common.StorageClientDefaults.Queue().MessageEncoding);
    }

    [Fact]
    public void Concurrency_and_retry_delay_are_within_what_the_host_accepts()
    {
        var batchSize = Queues.GetProperty("batchSize").GetInt32();
        var newBatchThreshold = Queues.GetProperty("newBatchThreshold").GetInt32();

        Assert.InRange(batchSize, 1, 32); // the queue extension's maximum
        Assert.InRange(newBatchThreshold, 0, batchSize);
        // visibilityTimeout is the delay before a failed message is retried: long enough for a flaky outlet to recover,
        // short enough that 5 attempts finish well inside an hour.
        Assert.InRange(Duration(Queues, "visibilityTimeout"), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));
        Assert.InRange(Duration(Queues, "maxPollingInterval"), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Failures_are_never_sampled_out_of_Application_Insights()
    {
        var sampling = Host.GetProperty("logging").GetProperty("applicationInsights").GetProperty("samplingSettings");
        Assert.Contains("Exception", sampling.GetProperty("excludedTypes").GetString()!.Split(';'));
    }
}
