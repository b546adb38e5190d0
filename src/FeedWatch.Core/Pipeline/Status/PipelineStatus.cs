namespace FeedWatch.Core.Pipeline.Status;

/// <summary>
/// The health view of `feedwatch status` and GET /api/status. <see cref="Healthy"/> is false when something needs an
/// operator (<see cref="Attention"/> says what): a message in a poison queue, a parked alert delivery, a feed failing
/// <see cref="PipelineStatusReader.FailingThreshold"/> times in a row or more.
/// </summary>
public sealed record PipelineStatus(
    bool Healthy,
    IReadOnlyList<string> Attention,
    DateTimeOffset CheckedAt,
    IReadOnlyList<QueueStatus> Queues,
    FeedsStatus Feeds,
    DateTimeOffset? LastPollAt,
    DateTimeOffset? LastArticleAt,
    DateTimeOffset? LastAlertAt,
    IReadOnlyList<SinkStatus> Sinks);
