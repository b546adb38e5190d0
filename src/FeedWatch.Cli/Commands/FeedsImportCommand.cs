using System.CommandLine;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Configuration;
using FeedWatch.Core.Feeds.Opml;
using FeedWatch.Hosting.Configuration;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch feeds import FILE.opml [--feeds FEEDS_FILE] [--dry-run]`: merges an OPML subscription list into the feeds
/// file (JSON or YAML, kept in its format). Duplicates by URL are merged, never doubled; unusable outlines are listed
/// with their line. Exit 0 when the list was merged (even with some invalid outlines), 1 for an unreadable or non-OPML
/// input, 2 for a missing input or a feeds file that does not load. Nothing is written unless something changed.
/// </summary>
public static class FeedsImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The OPML file (1.0 or 2.0) to import" };
        var feeds = new Option<FileInfo?>("--feeds") { Description = "The feeds file to merge into (JSON or YAML); created when missing", HelpName = "FEEDS_FILE" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change without writing" };
        var command = new Command("import", "Merge the feeds of an OPML file into the feeds file") { file, feeds, dryRun };
        command.SetAction(result => Run(context, result.GetValue(file)!, FeedsFilePath.Resolve(result.GetValue(feeds), context), result.GetValue(dryRun)));
        return command;
    }

    public static int Run(CliContext context, FileInfo opmlFile, string feedsPath, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(opmlFile);
        var reader = new OpmlReader();
        byte[] bytes;
        try
        {
            // Check the size before reading: the reader's limit must also protect memory.
            var length = new FileInfo(opmlFile.FullName).Length;
            if (length > reader.Options.MaxBytes)
            {
                context.Error.WriteLine($"error: {opmlFile.Name}: the file is {length:N0} bytes; the limit is {reader.Options.MaxBytes:N0}");
                return 1;
            }

            bytes = File.ReadAllBytes(opmlFile.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: cannot read {opmlFile.FullName}: {ex.Message}");
            return 2;
        }

        OpmlFeeds imported;
        try
        {
            imported = OpmlFeedList.ToFeeds(reader.Read(bytes));
        }
        catch (OpmlException ex)
        {
            context.Error.WriteLine($"error: {opmlFile.Name}: {ex.Message}");
            return 1;
        }

        FeedsFile target;
        var exists = File.Exists(feedsPath);
        try
        {
            target = exists ? FeedsFileLoader.Load(feedsPath) : new FeedsFile();
        }
        catch (Exception ex) when (ex is FeedsFileException or IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"error: {ex.Message} (nothing imported)");
            return 2;
        }

        var merge = FeedListMerger.Merge(target.Feeds, imported.Feeds);
        var changed = merge.Added + merge.Enriched > 0 || !exists;
        if (changed && !dryRun)
        {
            try
            {
                FeedsFileWriter.Save(target, feedsPath);
            }
            catch (Exception ex) when (ex is FeedsFileException or IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"error: cannot write {feedsPath}: {ex.Message}");
                return 2;
            }
        }

        Report(context, opmlFile, feedsPath, imported, merge, dryRun);
        return 0;
    }

    private static void Report(CliContext context, FileInfo opmlFile, string feedsPath, OpmlFeeds imported, FeedListMergeResult merge, bool dryRun)
    {
        // Plain text, one line: scripts parse it, and a console markup line would wrap at 80 columns when redirected.
        var verb = dryRun ? "Would import" : "Imported";
        var output = context.Console.Profile.Out.Writer;
        output.WriteLine(
            $"{verb} {opmlFile.Name} into {feedsPath}: {merge.Added} added, {merge.AlreadyPresent} already present ({merge.Enriched} enriched), " +
            $"{imported.Invalid.Count} invalid" + (imported.Ignored > 0 ? $", {imported.Ignored} non-feed outlines ignored" : "") + ".");
        output.Flush();
        foreach (var problem in imported.Invalid)
        {
            context.Error.WriteLine($"warning: {opmlFile.Name}: {problem}");
        }
    }
}
