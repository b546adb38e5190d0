using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Ports.Http;

namespace FeedWatch.Core.Pipeline.Fetching;

/// <summary>A fetched and extracted article ready to store, or why the fetch failed.</summary>
public sealed record FetchedArticle(
    ArticleDocument? Document,
    ReadOnlyMemory<byte> RawPage,
    string? ContentType,
    IReadOnlyCollection<string> AliasIds,
    FetchResponse? FailedResponse,
    bool IsTransientFailure)
{
    public static FetchedArticle Failed(FetchResponse response, bool transient) => new(null, default, null, [], response, transient);

    public string DescribeFailure() => FailedResponse switch
    {
        null => "no failure",
        { Error: { } error } => $"{error.Kind}: {error.Message}",
        { } response => $"HTTP {response.StatusCode}",
    };
}
