using System.CommandLine;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Pipeline.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>`feedwatch track add --url URL | --text-file FILE [--title TITLE]`: start tracking a story from a seed article.</summary>
public static class TrackCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Option<string?>("--url") { Description = "The seed article's page: fetched, extracted and stored like any polled article.", HelpName = "URL" };
        var textFile = new Option<FileInfo?>("--text-file") { Description = "A file holding the seed article's text (when there is no page to fetch).", HelpName = "FILE" };
        var title = new Option<string?>("--title") { Description = "The story's title (default: the seed article's headline; required with --text-file).", HelpName = "TITLE" };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var add = new Command("add", "Track a story: alert whenever it reaches a new outlet.") { url, textFile, title, data, storage };
        add.Validators.Add(result =>
        {
            var hasUrl = result.GetValue(url) is not null;
            var hasFile = result.GetValue(textFile) is not null;
            if (hasUrl == hasFile)
            {
                result.AddError("Give exactly one of --url or --text-file.");
            }
            else if (hasUrl && (!Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)))
            {
                result.AddError($"--url '{result.GetValue(url)}' is not an absolute http(s) URL.");
            }
            else if (hasFile && !result.GetValue(textFile)!.Exists)
            {
                result.AddError($"--text-file '{result.GetValue(textFile)!.FullName}' does not exist.");
            }
        });
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(context, parseResult.GetValue(data), storage: parseResult.GetValue(storage));
            context.Console.MarkupLine($"[dim]{Markup.Escape(CliHost.DescribeStorage(host))}[/]");
            var tracker = host.Services.GetRequiredService<StoryTracker>();
            try
            {
                TrackResult result;
                if (parseResult.GetValue(url) is { } seedUrl)
                {
                    result = await tracker.TrackUrlAsync(new Uri(seedUrl), parseResult.GetValue(title), cancellationToken);
                }
                else
                {
                    var file = parseResult.GetValue(textFile)!;
                    var text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
                    result = await tracker.TrackTextAsync(text, parseResult.GetValue(title) ?? Path.GetFileNameWithoutExtension(file.Name), cancellationToken);
                }

                context.Console.MarkupLine(result.Created
                    ? $"Tracking story [bold]{Markup.Escape(result.StoryId)}[/]: {Markup.Escape(result.Title)} (seed from {Markup.Escape(result.Outlet)})"
                    : $"Already tracking story [bold]{Markup.Escape(result.StoryId)}[/]: {Markup.Escape(result.Title)}");
                context.Console.MarkupLine($"[dim]Seed article stored as {Markup.Escape(result.SeedArticleBlob)}[/]");
                return 0;
            }
            catch (TrackingException ex)
            {
                await context.Error.WriteLineAsync("error: " + ex.Message);
                return 1;
            }
        });

        return new Command("track", "Manage tracked stories.") { add };
    }
}
