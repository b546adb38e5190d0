using System.CommandLine;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Configuration;
using FeedWatch.Core.Feeds.Opml;
using FeedWatch.Hosting.Configuration;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch feeds export [--feeds FEEDS_FILE] [--out FILE]`: writes the feed list as OPML 2.0, folders from each feed's
/// category, to FILE or stdout. Exit 2 when the feeds file is missing or does not load.
/// </summary>
public static class FeedsExportCommand
{
    public static Command Create(CliContext context)
    {
        var feeds = new Option<FileInfo?>("--feeds") { Description = "The feeds file to export (JSON or YAML)", HelpName = "FEEDS_FILE" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the OPML here instead of stdout", HelpName = "FILE" };
        var title = new Option<string?>("--title") { Description = "The OPML head title (default: FeedWatch feeds)" };
        var command = new Command("export", "Write the feed list as OPML 2.0") { feeds, output, title };
        command.SetAction(result => Run(context, FeedsFilePath.Resolve(result.GetValue(feeds), context), result.GetValue(output), result.GetValue(title)));
        return command;
    }

    public static int Run(CliContext context, string feedsPath, FileInfo? output, string? title)
    {
        ArgumentNullException.ThrowIfNull(context);
        FeedsFile file;
        try
        {
            file = FeedsFileLoader.Load(feedsPath);
        }
        catch (Exception ex) when (ex is FeedsFileException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }

        var opml = OpmlWriter.Write(OpmlFeedList.FromFeeds(file.Feeds, title ?? "FeedWatch feeds", DateTimeOffset.UtcNow));
        if (output is null)
        {
            var writer = context.Console.Profile.Out.Writer;
            writer.Write(System.Text.Encoding.UTF8.GetString(opml));
            writer.WriteLine();
            writer.Flush();
            return 0;
        }

        try
        {
            var temporary = output.FullName + ".tmp";
            File.WriteAllBytes(temporary, opml);
            File.Move(temporary, output.FullName, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: cannot write {output.FullName}: {ex.Message}");
            return 2;
        }

        context.Console.Profile.Out.Writer.WriteLine($"Exported {file.Feeds.Count} feeds from {feedsPath} to {output.FullName} (OPML 2.0).");
        return 0;
    }
}
