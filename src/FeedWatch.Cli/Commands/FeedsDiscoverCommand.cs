using System.CommandLine;
using System.Text;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Feeds;
using FeedWatch.Core.Feeds.Discovery;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Http;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch feeds discover URL [--allow-private]`: lists the feeds a web page announces (&lt;link rel=alternate&gt;,
/// feed-like links), else the first common path (/feed, /rss.xml …) that parses as a feed. One line per feed:
/// URL, type or format, title — tab-separated.
/// </summary>
public static class FeedsDiscoverCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Argument<string>("URL") { Description = "A web page (or feed) URL" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow loopback/private addresses (local testing)" };
        var discover = new Command("discover", "Find the feeds of a web page: <link rel=alternate>, feed links, common paths") { url, allowPrivate };
        discover.SetAction((result, token) => DiscoverAsync(context, result.GetValue(url)!, result.GetValue(allowPrivate), token));
        return discover;
    }

    public static async Task<int> DiscoverAsync(CliContext context, string url, bool allowPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Console.Profile.Out.Writer;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var page) || page.Scheme is not ("http" or "https"))
        {
            await context.Error.WriteLineAsync($"error: '{url}' is not an http(s) URL").ConfigureAwait(false);
            return 2;
        }

        using var fetcher = new HttpFetcher(new HttpFetcherOptions { AllowPrivateAddresses = allowPrivate });
        var parser = new FeedParser();
        var response = await fetcher.FetchAsync(new FetchRequest(page) { Accept = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, */*;q=0.5" }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            await context.Error.WriteLineAsync($"error: {page}: {response.Error?.Message ?? $"HTTP {response.StatusCode}"}").ConfigureAwait(false);
            return 1;
        }

        if (TryParse(parser, response) is { } self)
        {
            await output.WriteLineAsync($"{response.FinalUrl}\t{ParseFeedCommand.FormatName(self.Format)}\t{self.Title}").ConfigureAwait(false);
            return 0;
        }

        var found = FeedDiscovery.FromHtml(Encoding.UTF8.GetString(response.Body.Span), response.FinalUrl);
        foreach (var feed in found)
        {
            await output.WriteLineAsync($"{feed.Url}\t{feed.Type ?? "-"}\t{feed.Title}").ConfigureAwait(false);
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
                await output.WriteLineAsync($"{probe.FinalUrl}\t{ParseFeedCommand.FormatName(feed.Format)}\t{feed.Title}").ConfigureAwait(false);
                return 0;
            }
        }

        await context.Error.WriteLineAsync($"error: no feed found for {page}").ConfigureAwait(false);
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
