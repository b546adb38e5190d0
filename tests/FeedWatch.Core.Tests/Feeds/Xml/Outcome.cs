namespace FeedWatch.Core.Tests.Feeds.Xml;

/// <summary>What the differential check found for one document.</summary>
internal enum Outcome
{
    Identical,
    Declined,
    BothRejected,
    Failed,
}
