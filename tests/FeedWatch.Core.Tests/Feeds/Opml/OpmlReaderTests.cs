using System.Text;
using FeedWatch.Core.Feeds.Opml;

namespace FeedWatch.Core.Tests.Feeds.Opml;

public sealed class OpmlReaderTests
{
    private static readonly OpmlReader Reader = new();

    private static OpmlDocument Read(string xml) => Reader.Read(Encoding.UTF8.GetBytes(xml));

    [Fact]
    public void Reads_an_opml_1_export_with_folders_case_variants_and_text_only_labels()
    {
        var document = Read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0">
              <head><title>My subscriptions</title><dateCreated>Mon, 02 Mar 2026 10:00:00 GMT</dateCreated></head>
              <body>
                <outline text="News">
                  <outline text="World">
                    <outline text="Harbour Times" type="rss" xmlURL="https://harbour.example/rss" HTMLURL="https://harbour.example/"/>
                  </outline>
                  <outline title="Valley &amp; Hills" text="ignored label" type="rss" xmlUrl="feed://valley.example/atom.xml"/>
                </outline>
                <outline text="Loose" type="rss" xmlUrl="https://loose.example/feed" category="local,Weather, /Regional/North"/>
              </body>
            </opml>
            """);

        Assert.Equal("1.0", document.Version);
        Assert.Equal("My subscriptions", document.Title);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), document.DateCreated);

        var feeds = OpmlFeedList.ToFeeds(document);
        Assert.Empty(feeds.Invalid);
        Assert.Collection(
            feeds.Feeds,
            f =>
            {
                Assert.Equal("https://harbour.example/rss", f.Url);
                Assert.Equal("Harbour Times", f.Name);
                Assert.Equal("https://harbour.example/", f.SiteUrl);
                Assert.Equal("News/World", f.Category);
                Assert.Null(f.Tags);
            },
            f =>
            {
                Assert.Equal("http://valley.example/atom.xml", f.Url); // feed:// is the subscribe-link form of http://
                Assert.Equal("Valley & Hills", f.Name);                 // title wins over text
                Assert.Equal("News", f.Category);
            },
            f =>
            {
                Assert.Equal("Regional/North", f.Category); // an OPML 2.0 category path fills the folder when there is none
                Assert.Equal(["local", "Weather"], f.Tags);
            });
    }

    [Fact]
    public void Unusable_outlines_are_reported_with_their_line_and_the_rest_is_kept()
    {
        var document = Read("""
            <opml version="2.0">
              <head/>
              <body>
                <outline text="Good" type="rss" xmlUrl="https://good.example/rss"/>
                <outline text="No URL" type="rss"/>
                <outline text="Script" type="rss" xmlUrl="javascript:alert(1)"/>
                <outline text="Relative" type="rss" xmlUrl="/rss.xml"/>
                <outline text="A note, not a feed"/>
                <outline text="Bad interval" type="rss" xmlUrl="https://slow.example/rss" xmlns:feedwatch="https://feedwatch.dev/ns/opml/1" feedwatch:pollInterval="often"/>
              </body>
            </opml>
            """);

        var feeds = OpmlFeedList.ToFeeds(document);

        Assert.Equal("https://good.example/rss", Assert.Single(feeds.Feeds).Url);
        Assert.Equal(1, feeds.Ignored);
        Assert.Equal(
            [
                "line 5: 'No URL' is a feed outline without an xmlUrl",
                "line 6: xmlUrl 'javascript:alert(1)' is not an absolute http(s) URL",
                "line 7: xmlUrl '/rss.xml' is not an absolute http(s) URL",
                "line 9: pollInterval 'often' is not a duration (30s, 15m, 2h, 00:15:00)",
            ],
            feeds.Invalid.Select(p => p.ToString()));
    }

    [Fact]
    public void A_doctype_is_refused_without_expanding_anything()
    {
        var laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE opml [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY x SYSTEM "file:///etc/passwd">
            ]>
            <opml version="2.0"><head><title>&c;&x;</title></head><body/></opml>
            """;

        var error = Assert.Throws<OpmlException>(() => Read(laughs));

        Assert.Contains("DOCTYPE/DTD is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("<opml><head></opml>", "not well-formed XML")]
    [InlineData("<rss version=\"2.0\"><channel/></rss>", "not an OPML document: the root element is <rss>")]
    [InlineData("<opml version=\"2.0\"><head/></opml>", "has no <body>")]
    public void Bad_input_gets_a_clear_error(string xml, string expected)
    {
        var error = Assert.Throws<OpmlException>(() => Read(xml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_over_the_size_limit_is_refused_before_parsing()
    {
        var small = new OpmlReader(new OpmlReaderOptions { MaxBytes = 100 });
        var xml = "<opml version=\"2.0\"><head/><body>" + string.Concat(Enumerable.Repeat("<outline text=\"x\"/>", 20)) + "</body></opml>";

        var error = Assert.Throws<OpmlException>(() => small.Read(Encoding.UTF8.GetBytes(xml)));

        Assert.Contains("the limit is 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_single_byte_encodings_are_honoured()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml version=\"1.1\"><head/><body><outline text=\"Caf\u00e9 Soci\u00e9t\u00e9\" type=\"rss\" xmlUrl=\"https://cafe.example/rss\"/></body></opml>";

        var document = Reader.Read(Encoding.Latin1.GetBytes(xml));

        Assert.Equal("Caf\u00e9 Soci\u00e9t\u00e9", Assert.Single(document.Outlines).Text);
    }
}
