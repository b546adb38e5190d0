using System.CommandLine;
using FeedWatch.Cli.Hosting;

namespace FeedWatch.Cli.Commands;

/// <summary>`feedwatch feeds …`: feed-list utilities — discover a site's feeds, import and export OPML, show polling state.</summary>
public static class FeedsCommand
{
    public static Command Create(CliContext context) => new("feeds", "Feed utilities: discover, OPML import and export, polling status")
    {
        FeedsDiscoverCommand.Create(context),
        FeedsImportCommand.Create(context),
        FeedsExportCommand.Create(context),
        FeedsStatusCommand.Create(context),
    };
}
