using FeedWatch.Core.Articles.Parsing;

namespace FeedWatch.Core.Tests.Articles;

public sealed class PrefilterTests
{
    private static string Prepare(string html) => HtmlPrefilter.Prepare(html, 200).Html;

    [Fact]
    public void Navigation_content_is_emptied_but_the_element_and_its_names_stay()
    {
        var html = """<body><nav class="site-nav paywall"><ul><li><a href="/a">Home</a></li><li><div>World</div></li></ul></nav><p>Story</p></body>""";

        Assert.Equal("""<body><nav class="site-nav paywall"></nav><p>Story</p></body>""", Prepare(html));
    }

    [Theory]
    [InlineData("""<footer><p>Posted <time datetime="2026-01-02">Jan 2</time></p></footer>""")]
    [InlineData("""<aside><a rel="author" href="/jane">Jane Doe</a></aside>""")]
    [InlineData("""<aside><script type="application/ld+json">{"@type":"NewsArticle"}</script></aside>""")]
    [InlineData("""<nav><h1>Headline in a nav</h1></nav>""")]
    public void Containers_holding_what_metadata_reads_are_kept(string container)
    {
        Assert.Contains(container, Prepare("<body>" + container + "</body>"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_that_closes_an_element_opened_outside_it_is_kept()
    {
        // The parser would close the nav at </div> and keep "Story text" outside it.
        const string html = "<body><div><nav><a>Home</a></div><p>Story text</p></nav></body>";

        Assert.Contains("Story text", Prepare(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_containers_of_the_same_name_are_emptied_to_the_outer_end_tag()
    {
        Assert.Equal("<body><aside></aside><p>x</p></body>", Prepare("<body><aside><aside>inner</aside>outer</aside><p>x</p></body>"));
    }

    [Fact]
    public void Unread_attributes_are_dropped_and_read_ones_kept()
    {
        var prepared = Prepare("""<div class="story" data-track='{"a":1}' onclick="go()" style="display:none" srcset="a.jpg 1x" id=main hidden>x</div>""");

        Assert.Equal("""<div class="story"   style="display:none"  id=main hidden>x</div>""", prepared);
    }

    [Fact]
    public void Scripts_are_emptied_except_json_ld()
    {
        var prepared = Prepare("""<head><script>var a = "<p>";</script><script type="application/ld+json">{"x":1}</script></head>""");

        Assert.Equal("""<head><script></script><script type="application/ld+json">{"x":1}</script></head>""", prepared);
    }

    [Fact]
    public void Links_metadata_does_not_read_are_left_out_and_the_ones_it_reads_kept()
    {
        const string html = """<head><link rel="stylesheet" href="/a.css"><link rel="preload" href="/f.woff2" as="font"><link rel="canonical" href="https://example.com/story"><link rel="amphtml" href="/amp"><link rel="image_src" href="/i.jpg"></head><body><p>Text</p></body>""";

        var prepared = Prepare(html);

        Assert.DoesNotContain("stylesheet", prepared, StringComparison.Ordinal);
        Assert.DoesNotContain("preload", prepared, StringComparison.Ordinal);
        Assert.Contains("""<link rel="canonical" href="https://example.com/story">""", prepared, StringComparison.Ordinal);
        Assert.Contains("""<link rel="amphtml" href="/amp">""", prepared, StringComparison.Ordinal);
        Assert.Contains("""<link rel="image_src" href="/i.jpg">""", prepared, StringComparison.Ordinal);
        Assert.Contains("<p>Text</p>", prepared, StringComparison.Ordinal);
    }
}
