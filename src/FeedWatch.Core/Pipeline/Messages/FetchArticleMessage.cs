using FeedWatch.Core.Telemetry;

namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>
/// Poll-feed → fetch-article: a new (or updated) feed item whose page should be fetched and stored.
/// <see cref="CrawlSlot"/> and <see cref="Deferrals"/> are set when the stage put the message back because its host
/// was fetched too recently (robots.txt Crawl-delay): the slot reserved for it, and how often that happened.
/// <see cref="TraceParent"/>: see <see cref="ITracedMessage"/>.
/// </summary>
public sealed record FetchArticleMessage(
    string FeedId,
    string Url,
    string? ItemId,
    string? Title,
    string? Summary,
    DateTimeOffset? Published,
    bool IsUpdate = false,
    DateTimeOffset? CrawlSlot = null,
    int Deferrals = 0,
    string? TraceParent = null) : ITracedMessage;
