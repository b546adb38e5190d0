namespace FeedWatch.Core.Alerts.Noise;

/// <summary>
/// A story's noise-control state, persisted as alerts-delivery/stories/{storyId}.json and updated with If-Match.
/// <see cref="Releasing"/> is a small outbox of its own: a batch is claimed here before it is sent and cleared after,
/// so a crash in between re-sends the same batch with the same id.
/// </summary>
public sealed record NoiseState
{
    /// <summary>Messages recently sent (rate-limit window, and alert ids already admitted for sending).</summary>
    public IReadOnlyList<SentMessage> Sent { get; init; } = [];

    /// <summary>Alerts held back, oldest first.</summary>
    public IReadOnlyList<SpreadAlert> Pending { get; init; } = [];

    /// <summary>When the first pending alert was held; the digest period counts from here.</summary>
    public DateTimeOffset? PendingSince { get; init; }

    /// <summary>Why the first pending alert was held ("digest", "quietHours", "rateLimit").</summary>
    public string? PendingReason { get; init; }

    /// <summary>A batch claimed for sending whose delivery is not confirmed yet.</summary>
    public HeldBatch? Releasing { get; init; }

    public static NoiseState Empty { get; } = new();
}
