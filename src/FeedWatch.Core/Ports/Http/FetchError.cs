namespace FeedWatch.Core.Ports.Http;

/// <summary>Why a fetch failed, in a form the scheduler can act on.</summary>
public sealed record FetchError(FetchErrorKind Kind, string Message);
