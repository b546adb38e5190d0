namespace FeedWatch.Core.Feeds.Dedup;

/// <summary>An item of the current poll, how it relates to what was seen before, and its fingerprint to remember.</summary>
public sealed record ClassifiedItem(FeedItem Item, ItemChange Change, ItemFingerprint Fingerprint);
