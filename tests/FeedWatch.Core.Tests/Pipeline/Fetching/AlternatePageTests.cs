using FeedWatch.Core.Articles;
using FeedWatch.Core.Pipeline.Fetching;
using FeedWatch.Core.Tests.Pipeline.Fakes;

namespace FeedWatch.Core.Tests.Pipeline.Fetching;

/// <summary>Paywall stubs with an AMP version and AMP teasers with a canonical page: the fuller page's text is kept.</summary>
public sealed class AlternatePageTests
{
    private const string Story = "https://news.example/world/harbour-bridge";
    private const string AmpStory = "https://news.example/amp/world/harbour-bridge";

    private static readonly string FullBody = string.Concat(Enumerable.Range(1, 8).Select(i =>
        $"<p>Paragraph {i} of the harbour bridge report, with the engineers' findings, the council's reply, and what happens next for commuters.</p>"));

    private readonly ScriptedHttpFetcher http = new();
    private readonly ManualTimeProvider time = new(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));

    private ArticleFetcher Fetcher(ArticleAlternateOptions? options = null) => new(http, new ArticleExtractor(), time, alternates: options);

    private static string Page(string head, string body, bool amp = false) =>
        $"<!doctype html><html{(amp ? " amp" : "")} lang=\"en\"><head><title>Harbour bridge closes</title>{head}</head><body><article><h1>Harbour bridge closes</h1>{body}</article></body></html>";

    private static string PaywallStub(string? ampHref = AmpStory) => Page(
        ampHref is null ? "" : $"<link rel=\"amphtml\" href=\"{ampHref}\">",
        "<p>The harbour bridge closed on Monday after engineers found cracks, the council said.</p><div class=\"paywall-offer\"><p>Subscribe to continue reading.</p></div>");

    [Fact]
    public async Task A_paywall_stub_takes_the_text_of_its_full_amp_version_and_is_not_partial()
    {
        http.Serve(Story, PaywallStub());
        http.Serve(AmpStory, Page($"<link rel=\"canonical\" href=\"{Story}\">", FullBody, amp: true));

        var fetched = await Fetcher().FetchAsync(new Uri(Story), "feed", null, default);

        var document = fetched.Document!;
        Assert.Contains("Paragraph 8 of the harbour bridge report", document.Text, StringComparison.Ordinal);
        Assert.False(document.IsPartial);
        Assert.Equal(Story, document.CanonicalUrl);
        Assert.Equal([Story, AmpStory], http.Requests.Select(r => r.Url.AbsoluteUri));
        Assert.Contains("Paragraph 8", System.Text.Encoding.UTF8.GetString(fetched.RawPage.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amp_teaser_takes_the_text_of_its_canonical_page()
    {
        http.Serve(AmpStory, Page($"<link rel=\"canonical\" href=\"{Story}\">",
            "<p>The harbour bridge closed on Monday after engineers found cracks. Read the full story on our site.</p>", amp: true));
        http.Serve(Story, Page($"<link rel=\"amphtml\" href=\"{AmpStory}\">", FullBody));

        var document = (await Fetcher().FetchAsync(new Uri(AmpStory), "feed", null, default)).Document!;

        Assert.Contains("Paragraph 8 of the harbour bridge report", document.Text, StringComparison.Ordinal);
        Assert.False(document.IsPartial);
        Assert.Equal(Story, document.CanonicalUrl);
    }

    [Fact]
    public async Task A_stub_whose_alternate_is_no_fuller_stays_partial_with_its_own_text()
    {
        http.Serve(Story, PaywallStub());
        http.Serve(AmpStory, Page($"<link rel=\"canonical\" href=\"{Story}\">",
            "<p>The harbour bridge closed.</p><div class=\"paywall-offer\"><p>Subscribe to continue reading.</p></div>", amp: true));

        var document = (await Fetcher().FetchAsync(new Uri(Story), "feed", null, default)).Document!;

        Assert.StartsWith("The harbour bridge closed on Monday", document.Text, StringComparison.Ordinal);
        Assert.True(document.IsPartial);
    }

    [Fact]
    public async Task An_unavailable_alternate_leaves_the_stub_partial()
    {
        http.Serve(Story, PaywallStub());
        http.Fail(AmpStory, 503);

        var fetched = await Fetcher().FetchAsync(new Uri(Story), "feed", null, default);

        Assert.True(fetched.Document!.IsPartial);
        Assert.Equal(2, http.Requests.Count);
    }

    [Fact]
    public async Task Complete_pages_and_disabled_alternates_fetch_nothing_more()
    {
        http.Serve(Story, Page($"<link rel=\"amphtml\" href=\"{AmpStory}\">", FullBody));
        http.Serve("https://news.example/stub", PaywallStub());

        var complete = (await Fetcher().FetchAsync(new Uri(Story), "feed", null, default)).Document!;
        var stub = (await Fetcher(new ArticleAlternateOptions { Enabled = false }).FetchAsync(new Uri("https://news.example/stub"), "feed", null, default)).Document!;

        Assert.False(complete.IsPartial);
        Assert.True(stub.IsPartial);
        Assert.Equal([Story, "https://news.example/stub"], http.Requests.Select(r => r.Url.AbsoluteUri));
    }

    [Fact]
    public async Task An_alternate_disallowed_by_robots_is_not_fetched()
    {
        http.Serve(Story, PaywallStub());
        http.Serve(AmpStory, Page($"<link rel=\"canonical\" href=\"{Story}\">", FullBody, amp: true));
        var robots = new PathRobotsPolicy("/amp/");

        var document = (await new ArticleFetcher(http, new ArticleExtractor(), time, robots).FetchAsync(new Uri(Story), "feed", null, default)).Document!;

        Assert.True(document.IsPartial);
        Assert.Equal([Story], http.Requests.Select(r => r.Url.AbsoluteUri));
    }
}
