using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Core.Alerts;

/// <summary>
/// What a sink is asked to deliver: one spread alert or one digest. Exactly one of <see cref="Alert"/> and
/// <see cref="Digest"/> is set. Parked deliveries store this record, so `feedwatch alerts retry` can re-send it as it was.
/// </summary>
public sealed record AlertNotification
{
    public SpreadAlert? Alert { get; init; }
    public AlertDigest? Digest { get; init; }

    /// <summary>The id sinks use for de-duplication (the CloudEvents id).</summary>
    public string Id => Alert?.Id ?? Digest?.Id ?? throw new InvalidOperationException("Empty alert notification.");

    public string StoryId => Alert?.StoryId ?? Digest?.StoryId ?? throw new InvalidOperationException("Empty alert notification.");

    public static AlertNotification Single(SpreadAlert alert) => new() { Alert = alert ?? throw new ArgumentNullException(nameof(alert)) };

    public static AlertNotification Batch(AlertDigest digest) => new() { Digest = digest ?? throw new ArgumentNullException(nameof(digest)) };
}
