using FeedWatch.Core.Alerts.Routing;

namespace FeedWatch.Core.Alerts.Noise;

/// <summary>
/// Per-story noise control as pure functions of (settings, state, alert, now): rate limit, quiet hours and digests.
/// Every function is idempotent by alert id, because the outbox may hand the same alert over more than once.
/// Held alerts are never dropped: they leave only through <see cref="TryRelease"/> as one message.
/// </summary>
public static class NoisePolicy
{
    public const string DigestReason = "digest";
    public const string QuietHoursReason = "quietHours";
    public const string RateLimitReason = "rateLimit";

    // Sent ids are kept at least this long so a late redelivery of an alert is still recognised.
    private static readonly TimeSpan MinimumMemory = TimeSpan.FromDays(1);
    private const int MaxSentKept = 500;

    public static Admission Admit(StoryAlertSettings settings, NoiseState state, SpreadAlert alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alert);

        if (state.Pending.Any(a => a.Id == alert.Id) || state.Releasing?.Alerts.Any(a => a.Id == alert.Id) == true)
            return new Admission(AdmissionKind.Held, state, DueAt(settings, state), state.PendingReason ?? state.Releasing?.Reason);

        var sent = state.Sent.FirstOrDefault(s => s.AlertIds.Contains(alert.Id));
        if (sent is not null)
        {
            // Sent alone before: send again (the sinks de-duplicate by id) because the crash may have come before the send.
            return sent.MessageId == alert.Id
                ? new Admission(AdmissionKind.SendNow, state, null, null)
                : new Admission(AdmissionKind.AlreadySent, state, null, null);
        }

        var reason = HoldReason(settings, state, now);
        if (reason is null)
        {
            var next = state with { Sent = Prune(settings, [.. state.Sent, new SentMessage(alert.Id, now, [alert.Id])], now) };
            return new Admission(AdmissionKind.SendNow, next, null, null);
        }

        var held = state with
        {
            Pending = [.. state.Pending, alert],
            PendingSince = state.PendingSince ?? now,
            PendingReason = state.PendingReason ?? reason,
        };
        return new Admission(AdmissionKind.Held, held, DueAt(settings, held), held.PendingReason);
    }

    /// <summary>When the held alerts may go out, or null when nothing is held.</summary>
    public static DateTimeOffset? DueAt(StoryAlertSettings settings, NoiseState state)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Releasing is not null) return state.Releasing.ReleasedAt;
        if (state.Pending.Count == 0 || state.PendingSince is not { } since) return null;

        var at = settings.DigestPeriod is { } period ? since + period : since;
        // Quiet hours and the rate limit can push each other (a window ends inside quiet hours): settle both.
        for (var round = 0; round < 4; round++)
        {
            var before = at;
            at = RateLimitFreeAt(settings, state.Sent, at);
            if (settings.QuietHours is { } quiet) at = quiet.EndAfter(at);
            if (at == before) break;
        }

        return at;
    }

    /// <summary>
    /// Claims the held alerts as one batch when they are due (or resumes a claimed batch after a crash).
    /// Persist <paramref name="next"/> BEFORE sending, then call <see cref="Complete"/> after the send.
    /// </summary>
    public static HeldBatch? TryRelease(StoryAlertSettings settings, NoiseState state, DateTimeOffset now, out NoiseState next)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(state);
        next = state;
        if (state.Releasing is not null) return state.Releasing;
        if (DueAt(settings, state) is not { } due || due > now) return null;

        var alerts = state.Pending;
        var reason = state.PendingReason ?? DigestReason;
        // A lone alert held only by quiet hours or the rate limit goes out as itself, keeping its own id.
        var messageId = alerts.Count == 1 && reason != DigestReason
            ? alerts[0].Id
            : AlertIds.ForDigest(alerts[0].StoryId, alerts.Select(a => a.Id));
        var batch = new HeldBatch(messageId, reason, state.PendingSince ?? now, now, alerts);
        next = state with
        {
            Pending = [],
            PendingSince = null,
            PendingReason = null,
            Releasing = batch,
            Sent = Prune(settings, [.. state.Sent, new SentMessage(messageId, now, [.. alerts.Select(a => a.Id)])], now),
        };
        return batch;
    }

    /// <summary>The state after the claimed batch <paramref name="messageId"/> was delivered.</summary>
    public static NoiseState Complete(NoiseState state, string messageId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Releasing?.MessageId == messageId ? state with { Releasing = null } : state;
    }

    private static string? HoldReason(StoryAlertSettings settings, NoiseState state, DateTimeOffset now)
    {
        if (settings.DigestPeriod is not null) return DigestReason;
        if (state.Pending.Count > 0 || state.Releasing is not null) return state.PendingReason ?? state.Releasing?.Reason ?? RateLimitReason;
        if (settings.QuietHours?.Contains(now) == true) return QuietHoursReason;
        if (RateLimitFreeAt(settings, state.Sent, now) > now) return RateLimitReason;
        return null;
    }

    private static DateTimeOffset RateLimitFreeAt(StoryAlertSettings settings, IReadOnlyList<SentMessage> sent, DateTimeOffset at)
    {
        if (settings.RateLimit is not { } limit) return at;
        var inWindow = sent.Where(s => s.At > at - limit.Per).Select(s => s.At).Order().ToList();
        if (inWindow.Count < limit.MaxMessages) return at;
        // The window frees a slot when its (count - max)-th oldest message leaves it.
        return inWindow[inWindow.Count - limit.MaxMessages] + limit.Per;
    }

    private static List<SentMessage> Prune(StoryAlertSettings settings, List<SentMessage> sent, DateTimeOffset now)
    {
        var memory = settings.RateLimit is { } limit && limit.Per > MinimumMemory ? limit.Per : MinimumMemory;
        var kept = sent.Where(s => s.At > now - memory).ToList();
        return kept.Count > MaxSentKept ? kept[^MaxSentKept..] : kept;
    }
}
