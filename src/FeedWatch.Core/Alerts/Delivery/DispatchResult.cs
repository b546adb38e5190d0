namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>Per-sink outcome of one dispatch: delivered now, delivered before (receipt found), or parked.</summary>
public sealed record DispatchResult(IReadOnlyList<string> Delivered, IReadOnlyList<string> AlreadyDelivered, IReadOnlyList<string> Parked)
{
    public bool AllDelivered => Parked.Count == 0;
}
