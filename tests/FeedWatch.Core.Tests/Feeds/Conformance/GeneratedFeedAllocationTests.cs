using System.Text;
using FeedWatch.Core.Feeds;
using Xunit.Abstractions;

namespace FeedWatch.Core.Tests.Feeds.Conformance;

/// <summary>
/// A feed with 100,000 items must parse within 50× its size (issue 3). Small items are the hard case: whatever an
/// item costs regardless of its text (raw model, element, result record) is multiplied by the item count, so each
/// format is checked with minimal items (a title only) as well as with typical ones.
/// </summary>
public sealed class GeneratedFeedAllocationTests(ITestOutputHelper output)
{
    private const int ItemCount = 100_000;

    [Theory]
    [InlineData("rss", false)]
    [InlineData("rss", true)]
    [InlineData("atom", false)]
    [InlineData("atom", true)]
    [InlineData("rdf", false)]
    [InlineData("rdf", true)]
    public void A_100k_item_feed_allocates_at_most_50x_its_size(string format, bool typicalItems)
    {
        var input = Encoding.UTF8.GetBytes(Generate(format, typicalItems));
        // The default 32 MiB limit would reject the typical-item feeds; the limit is not what this test is about.
        var parser = new FeedParser(new FeedParserOptions { MaxBytes = 64 * 1024 * 1024 });
        parser.Parse(Encoding.UTF8.GetBytes(Generate(format, typicalItems, items: 10))); // first-call costs (JIT, statics) are not the feed's

        var allocated = AllocationBudget.Measure(parser, input, new Uri("https://generated.example/feed"), out var feed);

        output.WriteLine($"{format} {(typicalItems ? "typical" : "minimal")}: {input.Length:N0} bytes, allocated {allocated:N0} = {allocated / (double)input.Length:F1}× its size");
        Assert.NotNull(feed);
        Assert.True(feed.WellFormed);
        Assert.Equal(ItemCount, feed.Items.Count);
        Assert.Equal($"Item {ItemCount - 1}", feed.Items[^1].Title);
        Assert.True(allocated <= AllocationBudget.Ratio * input.LongLength, $"allocated {allocated:N0} bytes for {input.Length:N0} input bytes ({allocated / (double)input.Length:F1}×)");
    }

    private static string Generate(string format, bool typical, int items = ItemCount)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.Append(format switch
        {
            "rss" => "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Generated</title><link>https://generated.example/</link><description>d</description>\n",
            "atom" => "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Generated</title><id>urn:generated</id><updated>2026-11-21T00:00:00Z</updated>\n",
            _ => "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Generated</title><link>https://generated.example/</link></channel>\n",
        });
        for (var i = 0; i < items; i++)
        {
            sb.Append((format, typical) switch
            {
                ("rss", false) => $"<item><title>Item {i}</title></item>\n",
                ("rss", true) => $"<item><title>Item {i}</title><link>https://generated.example/{i}</link><guid>https://generated.example/{i}</guid><pubDate>Sat, 21 Nov 2026 01:02:03 GMT</pubDate><dc:creator>Reporter {i % 7}</dc:creator><category>News</category><description>&lt;p&gt;Summary of item {i} with &lt;a href=\"/{i}\"&gt;a link&lt;/a&gt;.&lt;/p&gt;</description></item>\n",
                ("atom", false) => $"<entry><title>Item {i}</title></entry>\n",
                ("atom", true) => $"<entry><title>Item {i}</title><id>urn:generated:{i}</id><link href=\"https://generated.example/{i}\"/><updated>2026-11-21T01:02:03Z</updated><author><name>Reporter {i % 7}</name></author><category term=\"News\"/><summary type=\"html\">&lt;p&gt;Summary of item {i} with &lt;a href=\"/{i}\"&gt;a link&lt;/a&gt;.&lt;/p&gt;</summary></entry>\n",
                ("rdf", false) => $"<item><title>Item {i}</title></item>\n",
                _ => $"<item rdf:about=\"https://generated.example/{i}\"><title>Item {i}</title><link>https://generated.example/{i}</link><dc:date>2026-11-21T01:02:03Z</dc:date><dc:creator>Reporter {i % 7}</dc:creator><dc:subject>News</dc:subject><description>Summary of item {i}.</description></item>\n",
            });
        }

        sb.Append(format switch
        {
            "rss" => "</channel></rss>",
            "atom" => "</feed>",
            _ => "</rdf:RDF>",
        });
        return sb.ToString();
    }
}
