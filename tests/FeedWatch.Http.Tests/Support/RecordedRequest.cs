namespace FeedWatch.Http.Tests.Support;

internal sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers);
