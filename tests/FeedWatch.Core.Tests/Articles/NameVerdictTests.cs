using FeedWatch.Core.Articles.Content;

namespace FeedWatch.Core.Tests.Articles;

/// <summary>
/// The name verdict cache answers most names with a word pre-check instead of the patterns; its answers must be
/// exactly the patterns' answers.
/// </summary>
public sealed class NameVerdictTests
{
    public static TheoryData<string> Names() =>
    [
        "row", "col-md-4", "wrapper", "container", "grid__item", "x", "", "Header", "hero-image",
        "share-bar", "SOCIAL", "related-stories", "recommended", "signup", "sign-up", "subscribe-box", "promo", "sponsored",
        "advert", "ad", "ads", "ad-slot", "adslot", "top-ad", "dfp-unit", "banner", "sidebar", "widget", "popup", "modal",
        "masthead", "menu", "main-menu", "navbar", "nav", "site-nav", "navigation", "pagination", "pager", "footer",
        "tags", "post-tags", "tag-list", "tagcloud", "most-popular", "mostread", "trending", "toolbar", "caption", "credit",
        "byline", "author-bio", "skip-link", "sr-only", "visually-hidden", "screen-reader-text", "print-only", "overlay",
        "rating", "more-stories", "read-more", "readnext", "up-next", "jump-link", "teaser", "card-list", "in-article-links",
        "inline-links", "newsletter", "cookie-banner", "consent", "gdpr", "breadcrumb", "comments", "disqus_thread",
        "taboola-feed", "OUTBRAIN", "article-body", "story_content", "entry-content", "post-text", "main-content",
        "articleBody", "storybody", "article__body", "story__body", "body-text", "article-text", "story-text",
        "paywall", "pay-wall", "subscriber-only", "subscribers-only", "premium-content", "regwall", "reg-wall",
        "metered-content", "piano-offer", "article-locked", "locked-content", "article", "content", "main", "story", "entry",
        "badge", "loader", "thread", "heading", "shadow", "adjacent", "headline", "upload", "group", "setup",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_cached_verdict_equals_the_patterns_verdict(string name)
    {
        var expected = NameVerdict.None;
        if (ClassNameSignals.IsBoilerplate(name))
        {
            expected |= NameVerdict.Boilerplate;
        }

        if (ClassNameSignals.IsAlwaysBoilerplate(name))
        {
            expected |= NameVerdict.AlwaysBoilerplate;
        }

        if (ClassNameSignals.IsArticleBody(name))
        {
            expected |= NameVerdict.ArticleBody;
        }

        if (PaywallDetector.IsPaywallName(name))
        {
            expected |= NameVerdict.Paywall;
        }

        Assert.Equal(expected, new NameVerdictCache().Of(name));
    }

    [Fact]
    public void Plain_layout_names_have_no_verdict_and_boilerplate_names_do()
    {
        var cache = new NameVerdictCache();

        Assert.Equal(NameVerdict.None, cache.Of("row col-md-4 wrapper"));
        Assert.True((cache.Of("wrapper share-bar") & NameVerdict.Boilerplate) != 0);
        Assert.True((cache.Of("entry-content wrapper") & NameVerdict.ArticleBody) != 0);
    }
}
