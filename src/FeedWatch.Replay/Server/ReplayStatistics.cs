using System.Collections.Concurrent;

namespace FeedWatch.Replay.Server;

/// <summary>What the replay server has answered: lets tests and the load command check that nothing was missed.</summary>
public sealed class ReplayStatistics
{
    private readonly ConcurrentDictionary<string, int> _articleFetches = new(StringComparer.Ordinal);
    private long _feedRequests;
    private long _notModified;
    private long _articleRequests;
    private long _notFound;
    private long _bytesSent;

    public long FeedRequests => Interlocked.Read(ref _feedRequests);
    public long NotModified => Interlocked.Read(ref _notModified);
    public long ArticleRequests => Interlocked.Read(ref _articleRequests);
    public long NotFound => Interlocked.Read(ref _notFound);
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Corpus ids of the articles whose pages were fetched at least once.</summary>
    public IReadOnlyCollection<string> FetchedArticleIds => _articleFetches.Keys.ToList();

    public int FetchCount(string articleId) => _articleFetches.GetValueOrDefault(articleId);

    internal void FeedServed(int bytes, bool notModified)
    {
        Interlocked.Increment(ref _feedRequests);
        Interlocked.Add(ref _bytesSent, bytes);
        if (notModified)
        {
            Interlocked.Increment(ref _notModified);
        }
    }

    internal void ArticleServed(string articleId, int bytes)
    {
        Interlocked.Increment(ref _articleRequests);
        Interlocked.Add(ref _bytesSent, bytes);
        _articleFetches.AddOrUpdate(articleId, 1, static (_, count) => count + 1);
    }

    internal void NothingFound() => Interlocked.Increment(ref _notFound);
}
