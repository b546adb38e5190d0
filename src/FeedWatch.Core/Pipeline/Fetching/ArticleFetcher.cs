using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Robots;
using FeedWatch.Core.Outlets;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Identity;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Http;

namespace FeedWatch.Core.Pipeline.Fetching;

/// <summary>
/// Fetches an article page and turns it into an <see cref="ArticleDocument"/> (not yet stored). Shared by the
/// fetch-article stage and `feedwatch track add --url`, so a seed article is stored exactly like a polled one.
/// When a robots policy is given (the default composition registers one), URLs the site's robots.txt disallows
/// are not fetched.
/// </summary>
public sealed class ArticleFetcher(IHttpFetcher fetcher, IArticleExtractor extractor, TimeProvider time, IRobotsPolicy? robots = null)
{
    private const string HtmlAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

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

        var extracted = extractor.Extract(response.Body, response.FinalUrl, response.ContentType);
        var finalUrl = response.FinalUrl;
        var outlet = OutletKey.FromUrl(finalUrl);
        var canonical = ChooseCanonical(extracted.CanonicalUrl, finalUrl, outlet);
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
            Title = FirstNonEmpty(extracted.Title, hint?.Title) ?? Slug.From(finalUrl.AbsolutePath),
            Published = extracted.Published ?? hint?.Published,
            FetchedAt = time.GetUtcNow(),
            Authors = extracted.Authors,
            Language = extracted.Language,
            SiteName = extracted.SiteName,
            Description = extracted.Description,
            IsPartial = extracted.IsPartial || !ReferenceEquals(text, extracted.Text),
            Text = text,
        };

        var aliases = new HashSet<string>(StringComparer.Ordinal) { ArticleIds.ForUrl(url), ArticleIds.ForUrl(finalUrl) };
        return new FetchedArticle(document, response.Body, response.ContentType, aliases, null, false);
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
        response.Error?.Kind is FetchErrorKind.Timeout or FetchErrorKind.Network
        || response.StatusCode is 408 or 429 or >= 500;

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
