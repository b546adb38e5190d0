using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Noise;
using FeedWatch.Core.Alerts.Routing;

namespace FeedWatch.Alerts.Tests.Noise;

public sealed class NoisePolicyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static SpreadAlert Alert(int n, DateTimeOffset at) => SampleAlerts.Spread($"outlet{n}.example", at: at);

    private static (NoiseState State, List<Admission> Decisions) AdmitAll(StoryAlertSettings settings, NoiseState state, params (int N, DateTimeOffset At)[] alerts)
    {
        List<Admission> decisions = [];
        foreach (var (n, at) in alerts)
        {
            var decision = NoisePolicy.Admit(settings, state, Alert(n, at), at);
            decisions.Add(decision);
            state = decision.State;
        }

        return (state, decisions);
    }

    [Fact]
    public void Without_noise_control_every_alert_is_sent_at_once()
    {
        var (_, decisions) = AdmitAll(new StoryAlertSettings(), NoiseState.Empty, (1, Noon), (2, Noon), (3, Noon));

        Assert.All(decisions, d => Assert.Equal(AdmissionKind.SendNow, d.Kind));
    }

    [Fact]
    public void Rate_limit_holds_alerts_beyond_the_limit_until_the_window_frees_a_slot()
    {
        var settings = new StoryAlertSettings { RateLimit = new RateLimit { MaxMessages = 2, Per = TimeSpan.FromHours(1) } };

        var (state, decisions) = AdmitAll(settings, NoiseState.Empty, (1, Noon), (2, Noon.AddMinutes(10)), (3, Noon.AddMinutes(20)));

        Assert.Equal([AdmissionKind.SendNow, AdmissionKind.SendNow, AdmissionKind.Held], decisions.Select(d => d.Kind));
        Assert.Equal(NoisePolicy.RateLimitReason, decisions[2].Reason);
        Assert.Equal(Noon.AddHours(1), decisions[2].ReleaseAt);
        Assert.Null(NoisePolicy.TryRelease(settings, state, Noon.AddMinutes(59), out _));
        var batch = NoisePolicy.TryRelease(settings, state, Noon.AddHours(1), out var next);
        Assert.NotNull(batch);
        Assert.Equal(Alert(3, Noon).Id, batch.MessageId); // a lone held alert keeps its own id
        Assert.Empty(next.Pending);
    }

    [Fact]
    public void Alerts_held_by_the_rate_limit_go_out_together_as_one_digest()
    {
        var settings = new StoryAlertSettings { RateLimit = new RateLimit { MaxMessages = 1, Per = TimeSpan.FromHours(1) } };
        var (state, _) = AdmitAll(settings, NoiseState.Empty, (1, Noon), (2, Noon.AddMinutes(5)), (3, Noon.AddMinutes(6)), (4, Noon.AddMinutes(7)));

        var batch = NoisePolicy.TryRelease(settings, state, Noon.AddHours(1), out var next)!;

        Assert.Equal(3, batch.Alerts.Count);
        Assert.Equal(AlertIds.ForDigest("story-ferry", batch.Alerts.Select(a => a.Id)), batch.MessageId);
        // The digest counts as one message against the limit: the next alert is held again.
        Assert.Equal(AdmissionKind.Held, NoisePolicy.Admit(settings, NoisePolicy.Complete(next, batch.MessageId), Alert(5, Noon.AddHours(1.1)), Noon.AddHours(1.1)).Kind);
    }

    [Fact]
    public void Quiet_hours_across_midnight_hold_alerts_until_they_end()
    {
        var settings = new StoryAlertSettings { QuietHours = new QuietHours { Start = new TimeOnly(22, 0), End = new TimeOnly(7, 0) } };
        var night = new DateTimeOffset(2026, 3, 4, 23, 30, 0, TimeSpan.Zero);

        var (state, decisions) = AdmitAll(settings, NoiseState.Empty, (1, night), (2, night.AddHours(3)));

        Assert.All(decisions, d => Assert.Equal(AdmissionKind.Held, d.Kind));
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 7, 0, 0, TimeSpan.Zero), decisions[1].ReleaseAt);
        var batch = NoisePolicy.TryRelease(settings, state, new DateTimeOffset(2026, 3, 5, 7, 0, 0, TimeSpan.Zero), out _)!;
        Assert.Equal(NoisePolicy.QuietHoursReason, batch.Reason);
        Assert.Equal(2, batch.Alerts.Count);
        Assert.Equal(AdmissionKind.SendNow, NoisePolicy.Admit(settings, NoiseState.Empty, Alert(9, Noon), Noon).Kind);
    }

    [Fact]
    public void Quiet_hours_follow_the_configured_time_zone()
    {
        // 22:00–07:00 in Berlin (UTC+1 in March before DST) is 21:00–06:00 UTC.
        var quiet = new QuietHours { Start = new TimeOnly(22, 0), End = new TimeOnly(7, 0), TimeZone = "Europe/Berlin" };

        Assert.True(quiet.Contains(new DateTimeOffset(2026, 3, 4, 21, 30, 0, TimeSpan.Zero)));
        Assert.False(quiet.Contains(new DateTimeOffset(2026, 3, 4, 20, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 6, 0, 0, TimeSpan.Zero), quiet.EndAfter(new DateTimeOffset(2026, 3, 4, 23, 0, 0, TimeSpan.Zero)).ToUniversalTime());
    }

    [Fact]
    public void Digest_sends_one_message_per_period_listing_every_new_outlet()
    {
        var settings = new StoryAlertSettings { DigestPeriod = TimeSpan.FromHours(1) };
        var (state, decisions) = AdmitAll(settings, NoiseState.Empty, (1, Noon), (2, Noon.AddMinutes(30)), (3, Noon.AddMinutes(59)));

        Assert.All(decisions, d => Assert.Equal(AdmissionKind.Held, d.Kind));
        Assert.Null(NoisePolicy.TryRelease(settings, state, Noon.AddMinutes(59), out _));
        var batch = NoisePolicy.TryRelease(settings, state, Noon.AddHours(1), out var next)!;
        Assert.Equal(["outlet1.example", "outlet2.example", "outlet3.example"], batch.Alerts.Select(a => a.Outlet));
        Assert.StartsWith("digest-", batch.MessageId, StringComparison.Ordinal);
        Assert.Equal(Noon, batch.PeriodStart);

        // The next period starts with the next alert, not at the release.
        var later = NoisePolicy.Admit(settings, NoisePolicy.Complete(next, batch.MessageId), Alert(4, Noon.AddHours(3)), Noon.AddHours(3));
        Assert.Equal(Noon.AddHours(4), later.ReleaseAt);
    }

    [Fact]
    public void A_digest_of_a_single_alert_is_still_a_digest()
    {
        var settings = new StoryAlertSettings { DigestPeriod = TimeSpan.FromHours(1) };
        var (state, _) = AdmitAll(settings, NoiseState.Empty, (1, Noon));

        var batch = NoisePolicy.TryRelease(settings, state, Noon.AddHours(2), out _)!;

        Assert.StartsWith("digest-", batch.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void Admitting_the_same_alert_again_is_harmless()
    {
        var digest = new StoryAlertSettings { DigestPeriod = TimeSpan.FromHours(1) };
        var (held, _) = AdmitAll(digest, NoiseState.Empty, (1, Noon), (1, Noon.AddMinutes(1)));
        Assert.Single(held.Pending);

        var immediate = new StoryAlertSettings { RateLimit = new RateLimit { MaxMessages = 5, Per = TimeSpan.FromHours(1) } };
        var (sent, decisions) = AdmitAll(immediate, NoiseState.Empty, (1, Noon), (1, Noon.AddMinutes(1)));
        Assert.Equal([AdmissionKind.SendNow, AdmissionKind.SendNow], decisions.Select(d => d.Kind));
        Assert.Single(sent.Sent); // the redelivery is re-sent (sinks de-duplicate) but not counted twice

        var batch = NoisePolicy.TryRelease(digest, held, Noon.AddHours(1), out var afterRelease)!;
        var again = NoisePolicy.Admit(digest, NoisePolicy.Complete(afterRelease, batch.MessageId), Alert(1, Noon), Noon.AddHours(2));
        Assert.Equal(AdmissionKind.AlreadySent, again.Kind);
    }

    [Fact]
    public void A_claimed_batch_is_resumed_with_the_same_id_until_completed()
    {
        var settings = new StoryAlertSettings { DigestPeriod = TimeSpan.FromMinutes(15) };
        var (state, _) = AdmitAll(settings, NoiseState.Empty, (1, Noon), (2, Noon));
        var first = NoisePolicy.TryRelease(settings, state, Noon.AddHours(1), out var claimed)!;

        // Crash here: the claim was persisted, the send did not happen. A new alert arrives meanwhile.
        var meanwhile = NoisePolicy.Admit(settings, claimed, Alert(3, Noon.AddHours(1)), Noon.AddHours(1)).State;
        var resumed = NoisePolicy.TryRelease(settings, meanwhile, Noon.AddHours(2), out var stillClaimed)!;

        Assert.Equal(first.MessageId, resumed.MessageId);
        Assert.Equal(2, resumed.Alerts.Count);
        var done = NoisePolicy.Complete(stillClaimed, resumed.MessageId);
        Assert.Null(done.Releasing);
        Assert.Single(done.Pending); // the alert that arrived meanwhile waits for its own period
    }

    [Fact]
    public void Quiet_hours_push_a_rate_limited_release_to_the_morning()
    {
        var settings = new StoryAlertSettings
        {
            RateLimit = new RateLimit { MaxMessages = 1, Per = TimeSpan.FromHours(2) },
            QuietHours = new QuietHours { Start = new TimeOnly(22, 0), End = new TimeOnly(6, 0) },
        };
        var evening = new DateTimeOffset(2026, 3, 4, 21, 0, 0, TimeSpan.Zero);

        var (_, decisions) = AdmitAll(settings, NoiseState.Empty, (1, evening), (2, evening.AddMinutes(30)));

        Assert.Equal(AdmissionKind.Held, decisions[1].Kind);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 6, 0, 0, TimeSpan.Zero), decisions[1].ReleaseAt);
    }

    [Fact]
    public void Story_settings_fall_back_to_the_defaults_field_by_field()
    {
        var options = new AlertRoutingOptions
        {
            Default = new StoryAlertSettings { Sinks = ["queue"], DigestPeriod = TimeSpan.FromHours(1) },
            Stories = { ["story-ferry"] = new StoryAlertSettings { Sinks = ["slack"], RateLimit = new RateLimit { MaxMessages = 3 } } },
        };
        var provider = new ConfiguredStoryAlertSettings(options);

        var ferry = provider.For("story-ferry");
        var other = provider.For("story-other");

        Assert.Equal(["slack"], ferry.Sinks);
        Assert.Equal(3, ferry.RateLimit!.MaxMessages);
        Assert.Equal(TimeSpan.FromHours(1), ferry.DigestPeriod);
        Assert.Equal(["queue"], other.Sinks);
        Assert.Null(other.RateLimit);
    }
}
