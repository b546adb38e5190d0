using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Robots;
using FeedWatch.Core.Outlets;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Identity;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Core.Telemetry;

namespace FeedWatch.Core.Pipeline.Fetching;

/// <summary>
/// Fetches an article page and turns it into an <see cref="ArticleDocument"/> (not yet stored). Shared by the
/// fetch-article stage and `feedwatch track add --url`, so a seed article is stored exactly like a polled one.
/// When a robots policy is given (the default composition registers one), URLs the site's robots.txt disallows
/// are not fetched. A page that is only part of the article (paywall stub with an AMP version, AMP teaser with a
/// canonical page) has its alternate fetched the same way, and the fuller text is kept (<see cref="ArticleAlternateOptions"/>).
/// </summary>
public sealed class ArticleFetcher(IHttpFetcher fetcher, IArticleExtractor extractor, TimeProvider time, IRobotsPolicy? robots = null,
    ArticleAlternateOptions? alternates = null)
{
    private const string HtmlAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";
    private readonly ArticleAlternateOptions alternateOptions = alternates ?? new ArticleAlternateOptions();

    public async Task<FetchedArticle> FetchAsync(Uri url, string? feedId, FetchArticleMessage? hint, CancellationToken cancellationToken)
    {
        if (robots is not null && await robots.CheckAsync(url, cancellationToken).ConfigureAwait(false) is { Allowed: false } refusal)
        {
            var refused = new FetchResponse { RequestedUrl = url, FinalUrl = url, Error = new FetchError(FetchErrorKind.DisallowedByRobots, refusal.Reason) };
            return FetchedArticle.Failed(refused, refusal.IsTemporary);
        }

        var response = await fetcher.FetchAsync(new FetchRequest(url) { Accept = HtmlAccept }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return FetchedArticle.Failed(response, IsTransient(response));
        }

        var extractionStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var original = extractor.Extract(response.Body, response.FinalUrl, response.ContentType);
        FeedWatchMetrics.RecordExtraction(extractionStarted);
        var alternate = await FetchAlternateAsync(response.FinalUrl, original, cancellationToken).ConfigureAwait(false);
        var useAlternate = alternate is not null && IsFuller(alternate.Value.Article, original);
        var extracted = useAlternate ? alternate!.Value.Article : original;
        var page = useAlternate ? alternate!.Value.Response : response;

        // The article's identity comes from the page the feed linked to; text (and what the page lacks) from the fuller one.
        var finalUrl = response.FinalUrl;
        var outlet = OutletKey.FromUrl(finalUrl);
        var canonical = ChooseCanonical(original.CanonicalUrl, finalUrl, outlet);
        var id = ArticleIds.ForCanonicalUrl(canonical);
        var text = extracted.Text;
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(hint?.Summary))
        {
            text = hint.Summary; // better the feed's summary than nothing; marked partial below
        }

        var document = new ArticleDocument
        {
            Id = id,
            Url = url.AbsoluteUri,
            CanonicalUrl = canonical,
            FinalUrl = finalUrl.AbsoluteUri,
            Outlet = outlet,
            FeedId = feedId,
            Title = FirstNonEmpty(original.Title, extracted.Title, hint?.Title) ?? Slug.From(finalUrl.AbsolutePath),
            Published = original.Published ?? extracted.Published ?? hint?.Published,
            FetchedAt = time.GetUtcNow(),
            Authors = original.Authors.Count > 0 ? original.Authors : extracted.Authors,
            Language = original.Language ?? extracted.Language,
            SiteName = original.SiteName ?? extracted.SiteName,
            Description = original.Description ?? extracted.Description,
            IsPartial = extracted.IsPartial || !ReferenceEquals(text, extracted.Text),
            Text = text,
        };

        var aliases = new HashSet<string>(StringComparer.Ordinal) { ArticleIds.ForUrl(url), ArticleIds.ForUrl(finalUrl) };
        if (useAlternate)
        {
            aliases.Add(ArticleIds.ForUrl(page.FinalUrl));
        }

        // The stored raw page is the one the text was extracted from, so extracting it again gives the same text.
        return new FetchedArticle(document, page.Body, page.ContentType, aliases, null, false);
    }

    /// <summary>
    /// The alternate of a page that is not the whole article: a paywall stub's AMP version, or an AMP page's
    /// canonical page when the AMP page is a stub or short. Null when there is none or it cannot be fetched.
    /// </summary>
    private async Task<(FetchResponse Response, ExtractedArticle Article)?> FetchAlternateAsync(Uri pageUrl, ExtractedArticle page, CancellationToken cancellationToken)
    {
        if (!alternateOptions.Enabled)
        {
            return null;
        }

        var shortAmp = page.IsAmpPage && ArticleExtractor.VisibleLength(page.Text) < alternateOptions.ShortAmpTextLength;
        var candidate = page.IsAmpPage ? page.CanonicalUrl : page.AmpUrl;
        if (!(page.IsPartial || shortAmp) || candidate is null || !Uri.TryCreate(pageUrl, candidate, out var alternateUrl)
            || (alternateUrl.Scheme != Uri.UriSchemeHttp && alternateUrl.Scheme != Uri.UriSchemeHttps)
            || UrlCanonicalizer.Canonicalize(alternateUrl) == UrlCanonicalizer.Canonicalize(pageUrl))
        {
            return null;
        }

        if (robots is not null && await robots.CheckAsync(alternateUrl, cancellationToken).ConfigureAwait(false) is { Allowed: false })
        {
            return null;
        }

        var response = await fetcher.FetchAsync(new FetchRequest(alternateUrl) { Accept = HtmlAccept }, cancellationToken).ConfigureAwait(false);
        return response.IsSuccess ? (response, extractor.Extract(response.Body, response.FinalUrl, response.ContentType)) : null;
    }

    /// <summary>The alternate is kept when it is clearly longer, or complete where the page was a stub and not shorter.</summary>
    private bool IsFuller(ExtractedArticle alternate, ExtractedArticle page)
    {
        var alternateLength = ArticleExtractor.VisibleLength(alternate.Text);
        var pageLength = ArticleExtractor.VisibleLength(page.Text);
        if (alternateLength == 0)
        {
            return false;
        }

        return alternateLength >= pageLength * alternateOptions.FullerTextRatio
            || (page.IsPartial && !alternate.IsPartial && alternateLength >= pageLength);
    }

    /// <summary>
    /// A page's declared canonical URL names the article only when it stays on the same outlet: a syndicated
    /// reprint that points its canonical link at the wire service is still the reprinting outlet's article.
    /// </summary>
    private static string ChooseCanonical(string? declared, Uri finalUrl, string outlet)
    {
        if (declared is not null
            && Uri.TryCreate(finalUrl, declared, out var declaredUrl)
            && (declaredUrl.Scheme == Uri.UriSchemeHttp || declaredUrl.Scheme == Uri.UriSchemeHttps)
            && OutletKey.FromUrl(declaredUrl) == outlet)
        {
            return UrlCanonicalizer.Canonicalize(declaredUrl).AbsoluteUri;
        }

        return UrlCanonicalizer.Canonicalize(finalUrl).AbsoluteUri;
    }

    private static bool IsTransient(FetchResponse response) =>
        response.Error?.Kind is FetchErrorKind.Timeout or FetchErrorKind.Network or FetchErrorKind.HostBudgetExhausted
        || response.StatusCode is 408 or 429 or >= 500;

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
