using System.Text.Json;
using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Serialization;
using FeedWatch.Storage.Local.Blobs;

namespace FeedWatch.Alerts.Tests.Cli;

public sealed class AlertsCommandsTests
{
    private static async Task<ParkedDelivery> ParkAsync(string dataFolder, SpreadAlert alert, string sink)
    {
        // The CLI's embedded store lives under the data folder; write through the same layout the host uses.
        var parked = new ParkedDelivery(AlertNotification.Single(alert), sink, 4, SampleAlerts.Origin, SampleAlerts.Origin.AddMinutes(2), "AlertDeliveryException: hooks.example answered 503");
        await new AlertDeliveryStore(new LocalBlobStore(BlobFolder(dataFolder))).ParkAsync(parked);
        return parked;
    }

    private static string BlobFolder(string dataFolder) => new FeedWatch.Storage.Local.LocalStorageLayout(dataFolder).BlobsDirectory;

    [Fact]
    public async Task Failed_lists_parked_deliveries_as_json_lines()
    {
        using var data = new TempFolder();
        var alert = SampleAlerts.Spread();
        await ParkAsync(data.Path, alert, "hook");

        var (exit, output) = await CliRunner.RunAsync(new Dictionary<string, string?>(), CancellationToken.None, "alerts", "--failed", "--json", "--data", data.Path);

        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith('{'));
        var parked = JsonSerializer.Deserialize<ParkedDelivery>(line, FeedWatchJson.Options)!;
        Assert.Equal((alert.Id, "hook", 4), (parked.Id, parked.Sink, parked.Attempts));
    }

    [Fact]
    public async Task Failed_table_names_the_alert_sink_and_error()
    {
        using var data = new TempFolder();
        var alert = SampleAlerts.Spread();
        await ParkAsync(data.Path, alert, "hook");

        var (_, output) = await CliRunner.RunAsync(new Dictionary<string, string?>(), CancellationToken.None, "alerts", "--failed", "--data", data.Path);

        Assert.Contains(alert.Id, output, StringComparison.Ordinal);
        Assert.Contains("answered 503", output, StringComparison.Ordinal);
        Assert.Contains("1 parked delivery", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_resends_a_parked_alert_to_the_configured_webhook_and_clears_it()
    {
        using var data = new TempFolder();
        await using var server = new LoopbackServer((_, _) => CannedResponse.Ok);
        var alert = SampleAlerts.Spread();
        await ParkAsync(data.Path, alert, "hook");
        var settings = new Dictionary<string, string?>
        {
            ["FeedWatch:Alerts:Sinks:hook:Type"] = "Webhook",
            ["FeedWatch:Alerts:Sinks:hook:Url"] = server.BaseAddress + "in",
            ["FeedWatch:Alerts:Sinks:hook:Secret"] = "s3cret",
            ["FeedWatch:Alerts:Sinks:hook:AllowPrivateNetwork"] = "true",
        };

        var (exit, output) = await CliRunner.RunAsync(settings, CancellationToken.None, "alerts", "retry", alert.Id, "--data", data.Path);

        Assert.Equal(0, exit);
        Assert.Contains("1 sent, 0 still parked", output, StringComparison.Ordinal);
        var request = Assert.Single(server.Requests);
        Assert.Equal(alert.Id, request.Header("Idempotency-Key"));
        Assert.Empty(await new AlertDeliveryStore(new LocalBlobStore(BlobFolder(data.Path))).ListParkedAsync().ToListAsync());
    }

    [Fact]
    public async Task Retry_keeps_the_delivery_parked_and_fails_when_the_sink_is_still_down()
    {
        using var data = new TempFolder();
        await using var server = new LoopbackServer((_, _) => new CannedResponse(503, "maintenance"));
        var alert = SampleAlerts.Spread();
        await ParkAsync(data.Path, alert, "hook");
        var settings = new Dictionary<string, string?>
        {
            ["FeedWatch:Alerts:Sinks:hook:Type"] = "Webhook",
            ["FeedWatch:Alerts:Sinks:hook:Url"] = server.BaseAddress + "in",
            ["FeedWatch:Alerts:Sinks:hook:AllowPrivateNetwork"] = "true",
            ["FeedWatch:Alerts:Delivery:MaxAttempts"] = "2",
            ["FeedWatch:Alerts:Delivery:InitialBackoff"] = "00:00:00",
        };

        var (exit, output) = await CliRunner.RunAsync(settings, CancellationToken.None, "alerts", "retry", "--data", data.Path);

        Assert.Equal(1, exit);
        Assert.Contains("maintenance", output, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        var parked = Assert.Single(await new AlertDeliveryStore(new LocalBlobStore(BlobFolder(data.Path))).ListParkedAsync().ToListAsync());
        Assert.Equal(6, parked.Attempts);
    }

    [Fact]
    public async Task Tail_prints_recent_alerts_then_follows_a_new_one()
    {
        using var data = new TempFolder();
        var blobs = new LocalBlobStore(BlobFolder(data.Path));
        var now = DateTimeOffset.UtcNow;
        var old = SampleAlerts.Spread("one.example", at: now.AddMinutes(-5));
        await blobs.PutJsonAsync(BlobLayout.Alert(old.DetectedAt, old.Id), AlertEnvelope.For(old), createOnly: true, ifMatch: null, CancellationToken.None);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var tail = CliRunner.RunAsync(new Dictionary<string, string?>(), limit.Token, "alerts", "tail", "--json", "--count", "1", "--interval", "0.1", "--data", data.Path);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var fresh = SampleAlerts.Spread("two.example", at: now);
        await blobs.PutJsonAsync(BlobLayout.Alert(fresh.DetectedAt, fresh.Id), AlertEnvelope.For(fresh), createOnly: true, ifMatch: null, CancellationToken.None);
        var (exit, output) = await tail;

        Assert.Equal(0, exit);
        var ids = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal([old.Id, fresh.Id], ids);
    }
}
