namespace FeedWatch.Core.Pipeline.Status;

/// <summary>
/// Feeds by state: ok (last poll succeeded), failing (the last polls failed), backing off (the server answered 429
/// or 503: polled again only after its Retry-After or a growing delay), gone (410: polling stopped), new (not polled yet).
/// <see cref="Worst"/> lists the few with the most consecutive failures.
/// </summary>
public sealed record FeedsStatus(int Total, int Ok, int Failing, int BackingOff, int Gone, int New, IReadOnlyList<FeedProblem> Worst);
