using System.CommandLine;
using FeedWatch.Cli.Hosting;

namespace FeedWatch.Cli.Commands;

/// <summary>Every `feedwatch` sub-command, one file each in this folder. Add new commands here.</summary>
public static class CommandCatalog
{
    public static RootCommand CreateRootCommand() => CreateRootCommand(CliContext.Default());

    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand("FeedWatch: tells you the moment a story you track spreads to a new outlet.")
        {
            RunCommand.Create(context),
            DemoCommand.Create(context),
            TrackCommand.Create(context),
            StoriesCommand.Create(context),
            AlertsCommand.Create(context),
            StatusCommand.Create(context),
        };
        root.Subcommands.Add(ParseFeedCommand.Create());
        root.Subcommands.Add(FeedsCommand.Create(context));
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        EvalExtractionCommand.AddTo(root);
        EvalLoadCommand.AddTo(root, context);
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(QueuesCommand.Create(context));
        StorageFaultGuard.Apply(root, context);
        return root;
    }
}
