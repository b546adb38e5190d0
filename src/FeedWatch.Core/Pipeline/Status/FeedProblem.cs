namespace FeedWatch.Core.Pipeline.Status;

/// <summary>A feed that is not polling cleanly, with what went wrong last.</summary>
public sealed record FeedProblem(
    string FeedId,
    string Url,
    string State,
    int ConsecutiveFailures,
    int? LastStatus,
    string? LastError,
    DateTimeOffset? LastPolledAt,
    DateTimeOffset? NextPollAt);
