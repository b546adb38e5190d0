using System.Text;
using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Alerts.Routing;
using FeedWatch.Core.Ports.Blobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Alerts.Tests.Delivery;

/// <summary>Bad alert settings are refused when saved, ignored per story when loaded, and never stop other stories' held alerts.</summary>
public sealed class AlertSettingsValidationTests
{
    [Theory]
    [InlineData("Not/AZone")]
    [InlineData("Mars/Olympus_Mons")]
    public void An_unknown_time_zone_is_a_problem(string zone) =>
        Assert.Contains(StoryAlertSettingsValidator.Problems(new StoryAlertSettings { QuietHours = new QuietHours { Start = new(22, 0), End = new(7, 0), TimeZone = zone } }),
            p => p.Contains("time zone", StringComparison.Ordinal));

    [Fact]
    public void Huge_and_out_of_range_values_are_problems()
    {
        Assert.NotEmpty(StoryAlertSettingsValidator.Problems(new StoryAlertSettings { QuietHours = new QuietHours { TimeZone = new string('x', 5 * 1024 * 1024) } }));
        Assert.NotEmpty(StoryAlertSettingsValidator.Problems(new StoryAlertSettings { DigestPeriod = TimeSpan.FromDays(3650) }));
        Assert.NotEmpty(StoryAlertSettingsValidator.Problems(new StoryAlertSettings { RateLimit = new RateLimit { MaxMessages = 1, Per = TimeSpan.FromDays(3650) } }));
        Assert.NotEmpty(StoryAlertSettingsValidator.Problems(new StoryAlertSettings { Sinks = [.. Enumerable.Range(0, 50).Select(i => "s" + i)] }));
        Assert.Empty(StoryAlertSettingsValidator.Problems(new StoryAlertSettings { DigestPeriod = TimeSpan.FromHours(1), QuietHours = new QuietHours { TimeZone = "Europe/Berlin" } }));
    }

    [Fact]
    public async Task Saving_bad_settings_throws_and_stores_nothing()
    {
        using var rig = new DeliveryRig();
        var store = new StoryAlertSettingsStore(rig.Blobs);

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("story-ferry", new StoryAlertSettings { QuietHours = new QuietHours { TimeZone = "Not/AZone" } }));

        Assert.Null(await store.GetAsync("story-ferry"));
    }

    [Fact]
    public async Task A_bad_stored_setting_is_ignored_for_its_story_only()
    {
        using var rig = new DeliveryRig();
        var store = new StoryAlertSettingsStore(rig.Blobs, NullLogger<StoryAlertSettingsStore>.Instance);
        await store.SaveAsync("story-good", new StoryAlertSettings { DigestPeriod = TimeSpan.FromHours(2) });
        // Written behind the API's back (an older version, a hand edit): an unknown zone and a ten-year digest.
        await rig.Blobs.PutAsync(StoryAlertSettingsStore.BlobName("story-bad"),
            Encoding.UTF8.GetBytes("""{"quietHours":{"start":"22:00:00","end":"07:00:00","timeZone":"Not/AZone"},"digestPeriod":"3650.00:00:00"}"""), BlobPutOptions.Json());
        await rig.Blobs.PutAsync(StoryAlertSettingsStore.BlobName("story-broken"), Encoding.UTF8.GetBytes("{\"digestPeriod\":"), BlobPutOptions.Json());

        var loaded = await store.LoadAllAsync();

        Assert.Equal(["story-good"], loaded.Keys);
    }

    [Fact]
    public async Task One_storys_bad_quiet_hours_do_not_stop_the_release_of_anothers_held_alerts()
    {
        using var rig = new DeliveryRig(new StoryAlertSettings { DigestPeriod = TimeSpan.FromHours(1) });
        var bad = SampleAlerts.Spread("one.example", storyId: "story-bad");
        var good = SampleAlerts.Spread("two.example", storyId: "story-good");
        await rig.RecordAsync(bad);
        await rig.RecordAsync(good);
        await rig.HandleAsync(bad);
        await rig.HandleAsync(good);
        rig.Clock.Advance(TimeSpan.FromHours(1));

        // story-bad's settings now name a zone this machine does not know (configured, so not filtered on load).
        var provider = new SwitchingProvider(new StoryAlertSettings { Sinks = ["a", "b"], DigestPeriod = TimeSpan.FromHours(1) });
        var release = new AlertDeliveryService(provider, rig.Dispatcher, rig.Store, rig.Clock, NullLogger<AlertDeliveryService>.Instance);

        Assert.Equal(1, await release.ReleaseDueAsync());

        var digest = Assert.Single(rig.Sink("a").Digests);
        Assert.Equal("story-good", digest.StoryId);
    }

    private sealed class SwitchingProvider(StoryAlertSettings good) : IStoryAlertSettingsProvider
    {
        public StoryAlertSettings For(string storyId) => storyId == "story-bad"
            ? new StoryAlertSettings { Sinks = ["a", "b"], DigestPeriod = TimeSpan.FromHours(1), QuietHours = new QuietHours { Start = new(0, 0), End = new(23, 59), TimeZone = "Not/AZone" } }
            : good;
    }
}
