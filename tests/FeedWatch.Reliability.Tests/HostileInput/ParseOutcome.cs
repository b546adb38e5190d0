using FeedWatch.Core.Feeds;

namespace FeedWatch.Reliability.Tests.HostileInput;

/// <summary>What the real parser made of an input: a feed, or the exception it threw (only FeedParseException is allowed).</summary>
internal sealed record ParseOutcome(ParsedFeed? Feed, Exception? Error)
{
    private static readonly FeedParser Parser = new();

    public static ParseOutcome Of(byte[] input, FeedParser? parser = null)
    {
        try
        {
            return new ParseOutcome((parser ?? Parser).Parse(input, new Uri("http://hostile.example/feed.xml")), null);
        }
        catch (Exception ex)
        {
            return new ParseOutcome(null, ex);
        }
    }

    public string AllText => Feed is null
        ? Error?.Message ?? ""
        : string.Join("\n", new[] { Feed.Title, Feed.Description }.Concat(Feed.Items.SelectMany(i => new[] { i.Title, i.Summary, i.Content, i.Link })).Where(t => t is not null));

    public void AssertNoCrash()
    {
        if (Error is not null and not FeedParseException)
        {
            Assert.Fail($"the parser crashed with {Error.GetType().Name}: {Error}");
        }

        if (Error is FeedParseException parseError)
        {
            Assert.False(string.IsNullOrWhiteSpace(parseError.Message), "a parse error must say why");
        }
    }
}
