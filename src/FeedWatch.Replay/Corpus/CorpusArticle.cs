namespace FeedWatch.Replay.Corpus;

/// <summary>
/// One line of a story corpus (`../shared/README.md` format). <see cref="Story"/> is the gold label: the replay
/// server never puts it on the wire, so nothing downstream can read it.
/// </summary>
public sealed record CorpusArticle(
    string Id,
    string? Story,
    string Outlet,
    string? Url,
    DateTimeOffset? Published,
    string Title,
    string Text,
    string? Lang);
