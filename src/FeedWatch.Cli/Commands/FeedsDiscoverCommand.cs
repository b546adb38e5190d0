using System.CommandLine;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Configuration;
using FeedWatch.Core.Feeds;
using FeedWatch.Core.Feeds.Discovery;
using FeedWatch.Core.Feeds.Opml;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Hosting.Configuration;
using FeedWatch.Http;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch feeds discover URL [--allow-private] [--add [--feeds FEEDS_FILE]]`: lists the feeds a web page announces (&lt;link rel=alternate&gt;,
/// feed-like links), else the first common path (/feed, /rss.xml …) that parses as a feed. One line per feed:
/// URL, type or format, title — tab-separated. With --add the first feed found joins the feeds file.
/// </summary>
public static class FeedsDiscoverCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Argument<string>("URL") { Description = "A web page (or feed) URL" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow loopback/private addresses (local testing)" };
        var add = new Option<bool>("--add") { Description = "Add the first feed found to the feeds file (merged by URL like an OPML import)" };
        var feeds = new Option<FileInfo?>("--feeds") { Description = "The feeds file --add writes to (JSON or YAML)", HelpName = "FEEDS_FILE" };
        var discover = new Command("discover", "Find the feeds of a web page: <link rel=alternate>, feed links, common paths") { url, allowPrivate, add, feeds };
        discover.SetAction(async (result, token) =>
        {
            var (exit, found) = await DiscoverAsync(context, result.GetValue(url)!, result.GetValue(allowPrivate), token).ConfigureAwait(false);
            return exit == 0 && result.GetValue(add) ? Add(context, found[0], FeedsFilePath.Resolve(result.GetValue(feeds), context)) : exit;
        });
        return discover;
    }

    /// <summary>Prints every feed found (URL, type or format, title — tab-separated) and returns them, best first.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<DiscoveredFeed> Found)> DiscoverAsync(CliContext context, string url, bool allowPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var page) || page.Scheme is not ("http" or "https"))
        {
            await context.Error.WriteLineAsync($"error: '{url}' is not an http(s) URL").ConfigureAwait(false);
            return (2, []);
        }

        using var fetcher = new HttpFetcher(new HttpFetcherOptions { AllowPrivateAddresses = allowPrivate });
        var parser = new FeedParser();
        var response = await fetcher.FetchAsync(new FetchRequest(page) { Accept = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, */*;q=0.5" }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            await context.Error.WriteLineAsync($"error: {page}: {response.Error?.Message ?? $"HTTP {response.StatusCode}"}").ConfigureAwait(false);
            return (1, []);
        }

        IReadOnlyList<DiscoveredFeed> found = [];
        if (TryParse(parser, response) is { } self)
        {
            found = [new DiscoveredFeed(response.FinalUrl, ParseFeedCommand.FormatName(self.Format), self.Title, "the URL itself")];
        }
        else
        {
            found = FeedDiscovery.FromHtml(response.Body, response.FinalUrl, response.ContentType);
        }

        if (found.Count == 0)
        {
            foreach (var candidate in FeedDiscovery.CommonPaths(response.FinalUrl))
            {
                var probe = await fetcher.FetchAsync(new FetchRequest(candidate), cancellationToken).ConfigureAwait(false);
                if (probe.IsSuccess && TryParse(parser, probe) is { } feed)
                {
                    found = [new DiscoveredFeed(probe.FinalUrl, ParseFeedCommand.FormatName(feed.Format), feed.Title, "common path")];
                    break;
                }
            }
        }

        if (found.Count == 0)
        {
            await context.Error.WriteLineAsync($"error: no feed found for {page}").ConfigureAwait(false);
            return (1, []);
        }

        var output = context.Console.Profile.Out.Writer;
        foreach (var feed in found)
        {
            await output.WriteLineAsync($"{feed.Url}\t{feed.Type ?? "-"}\t{feed.Title}").ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return (0, found);
    }

    private static int Add(CliContext context, DiscoveredFeed feed, string feedsPath)
    {
        FeedsFile file;
        try
        {
            file = File.Exists(feedsPath) ? FeedsFileLoader.Load(feedsPath) : new FeedsFile();
        }
        catch (Exception ex) when (ex is FeedsFileException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: {ex.Message} (feed not added)");
            return 2;
        }

        var merge = FeedListMerger.Merge(file.Feeds, [new FeedDefinition { Url = feed.Url.AbsoluteUri, Name = string.IsNullOrWhiteSpace(feed.Title) ? null : feed.Title.Trim() }]);
        if (merge.Added == 0)
        {
            context.Console.Profile.Out.Writer.WriteLine($"Already in {feedsPath}: {feed.Url}");
            return 0;
        }

        try
        {
            FeedsFileWriter.Save(file, feedsPath);
        }
        catch (Exception ex) when (ex is FeedsFileException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: cannot write {feedsPath}: {ex.Message}");
            return 2;
        }

        context.Console.Profile.Out.Writer.WriteLine($"Added {feed.Url} to {feedsPath}");
        return 0;
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
