namespace FeedWatch.Core.Pipeline.Classification;

/// <summary>
/// leases/classify.json: which host is the active classifier. <see cref="Epoch"/> grows by one with every new holder
/// (never on a renewal), so a host can tell whether anyone else classified since it last held the lease.
/// </summary>
public sealed record ClassifierLeaseDocument
{
    public required string Holder { get; init; }
    public required long Epoch { get; init; }
    public required DateTimeOffset AcquiredAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
