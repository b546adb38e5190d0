namespace FeedWatch.Reliability.Tests.Support;

internal sealed record CapturedLogEntry(string Message, IReadOnlyList<KeyValuePair<string, object?>> Fields, string? Exception);
