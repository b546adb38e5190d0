using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds.Conformance.Baselines;

/// <summary>
/// A parser under comparison, reduced to the fields every parser has: feed title, items, and each item's title,
/// link and publication date, mapped onto <see cref="ParsedFeed"/>. <see cref="Parse"/> throws when the parser fails.
/// </summary>
internal sealed record FeedContender(string Name, Func<byte[], ParsedFeed> Parse)
{
    private static readonly FeedParser FeedWatchParser = new();

    public static FeedContender FeedWatch { get; } = new("FeedWatch", bytes => FeedWatchParser.Parse(bytes));

    public static FeedContender CodeHollow { get; } = new("CodeHollow.FeedReader 2.1.1", CodeHollowBaseline.Parse);

    public static FeedContender Syndication { get; } = new("SyndicationFeed 11", SyndicationBaseline.Parse);

    public static IReadOnlyList<FeedContender> All { get; } = [FeedWatch, CodeHollow, Syndication];
}
