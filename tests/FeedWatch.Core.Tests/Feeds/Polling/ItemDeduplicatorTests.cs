using FeedWatch.Core.Feeds;
using FeedWatch.Core.Feeds.Dedup;

namespace FeedWatch.Core.Tests.Feeds.Polling;

public sealed class ItemDeduplicatorTests
{
    private static readonly ItemDeduplicator Dedup = new();

    [Fact]
    public void Recognises_items_by_id_then_link_then_content_and_spots_updates()
    {
        var first = new[]
        {
            new FeedItem { Id = "g1", Link = "https://n.example/a", Title = "A" },
            new FeedItem { Link = "https://n.example/b?utm_source=rss#top", Title = "B" },
            new FeedItem { Title = "C", Summary = "no id, no link" },
        };
        var seen = Dedup.Classify(first, []).Select(c => ItemFingerprint.Parse(c.Fingerprint.ToStorageString())).ToList();

        var second = Dedup.Classify(
            [
                new FeedItem { Id = "g1", Link = "https://n.example/a-moved", Title = "A" },       // same guid, new link
                new FeedItem { Link = "https://N.example/b", Title = "B (corrected)" },            // same page, edited
                new FeedItem { Title = "C", Summary = "no   id,\nno link" },                      // same text, whitespace only
                new FeedItem { Id = "g4", Link = "https://n.example/d", Title = "D" },
            ],
            seen);

        Assert.Equal([ItemChange.Unchanged, ItemChange.Updated, ItemChange.Unchanged, ItemChange.New], second.Select(c => c.Change));
    }

    [Fact]
    public void Different_guids_on_one_link_are_different_items()
    {
        var seen = Dedup.Classify([new FeedItem { Id = "live-1", Link = "https://n.example/live" }], []).Select(c => c.Fingerprint);

        var next = Dedup.Classify([new FeedItem { Id = "live-2", Link = "https://n.example/live" }], seen);

        Assert.Equal(ItemChange.New, next.Single().Change);
    }

    [Fact]
    public void Duplicates_within_one_poll_are_new_once()
    {
        var items = Dedup.Classify([new FeedItem { Id = "x", Title = "T" }, new FeedItem { Id = "x", Title = "T" }], []);

        Assert.Equal([ItemChange.New, ItemChange.Unchanged], items.Select(c => c.Change));
    }

    [Fact]
    public void Old_plain_link_keys_still_match() =>
        Assert.Equal(ItemChange.Unchanged, Dedup.Classify([new FeedItem { Link = "https://n.example/a" }], [ItemFingerprint.Parse("https://n.example/a")]).Single().Change);

    [Theory]
    [InlineData("HTTPS://News.Example:443/a?id=1&utm_medium=x&fbclid=y#c", "https://news.example/a?id=1")]
    [InlineData("http://news.example/a", "http://news.example/a")]
    public void Canonical_links_drop_tracking_noise(string input, string expected) =>
        Assert.Equal(expected, LinkCanonicalizer.Canonicalize(input));
}
