using FeedWatch.Core.Alerts;

namespace FeedWatch.Core.Pipeline.Documents;

/// <summary>
/// An alert recorded in the story document by the same conditional write that added its outlet, so an alert
/// is never lost between "story updated" and "alert sent". Deliver-alert marks each sink as it succeeds.
/// </summary>
public sealed record OutboxEntry
{
    public required SpreadAlert Alert { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public string? AlertBlob { get; init; }
    public IReadOnlyList<string> DeliveredTo { get; init; } = [];
    public DateTimeOffset? DeliveredAt { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
}
