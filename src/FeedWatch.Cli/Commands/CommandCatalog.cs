using System.CommandLine;

namespace FeedWatch.Cli.Commands;

/// <summary>Every `feedwatch` sub-command, one file each in this folder. Add new commands here.</summary>
public static class CommandCatalog
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("FeedWatch: tells you the moment a story you track spreads to a new outlet.");
        root.Subcommands.Add(ReplayCommand.Create());
        return root;
    }
}
