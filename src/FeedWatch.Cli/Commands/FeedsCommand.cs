using System.CommandLine;
using System.Text;
using FeedWatch.Core.Feeds;
using FeedWatch.Core.Feeds.Discovery;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Http;

namespace FeedWatch.Cli.Commands;

/// <summary>`feedwatch feeds discover URL`: lists the feeds a web page announces (or that live at the usual paths).</summary>
public static class FeedsCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("URL") { Description = "A web page (or feed) URL" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow loopback/private addresses (local testing)" };
        var discover = new Command("discover", "Find the feeds of a web page: <link rel=alternate>, feed links, common paths") { url, allowPrivate };
        discover.SetAction((result, token) => DiscoverAsync(result.GetValue(url)!, result.GetValue(allowPrivate), token));
        return new Command("feeds", "Feed utilities") { discover };
    }

    public static async Task<int> DiscoverAsync(string url, bool allowPrivate, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var page) || page.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"error: '{url}' is not an http(s) URL").ConfigureAwait(false);
            return 2;
        }

        using var fetcher = new HttpFetcher(new HttpFetcherOptions { AllowPrivateAddresses = allowPrivate });
        var parser = new FeedParser();
        var response = await fetcher.FetchAsync(new FetchRequest(page) { Accept = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, */*;q=0.5" }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            await Console.Error.WriteLineAsync($"error: {page}: {response.Error?.Message ?? $"HTTP {response.StatusCode}"}").ConfigureAwait(false);
            return 1;
        }

        if (TryParse(parser, response) is { } self)
        {
            Console.WriteLine($"{response.FinalUrl}\t{self.Format}\t{self.Title}");
            return 0;
        }

        var found = FeedDiscovery.FromHtml(Encoding.UTF8.GetString(response.Body.Span), response.FinalUrl);
        foreach (var feed in found)
        {
            Console.WriteLine($"{feed.Url}\t{feed.Type ?? "-"}\t{feed.Title}");
        }

        if (found.Count > 0)
        {
            return 0;
        }

        foreach (var candidate in FeedDiscovery.CommonPaths(response.FinalUrl))
        {
            var probe = await fetcher.FetchAsync(new FetchRequest(candidate), cancellationToken).ConfigureAwait(false);
            if (probe.IsSuccess && TryParse(parser, probe) is { } feed)
            {
                Console.WriteLine($"{probe.FinalUrl}\t{feed.Format}\t{feed.Title}");
                return 0;
            }
        }

        await Console.Error.WriteLineAsync($"error: no feed found for {page}").ConfigureAwait(false);
        return 1;
    }

    private static ParsedFeed? TryParse(FeedParser parser, FetchResponse response)
    {
        try
        {
            return parser.Parse(response.Body, response.FinalUrl, response.ContentType);
        }
        catch (FeedParseException)
        {
            return null;
        }
    }
}
