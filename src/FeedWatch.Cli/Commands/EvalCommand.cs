using System.CommandLine;

namespace FeedWatch.Cli.Commands;

/// <summary>`feedwatch eval …`: measuring commands. Each evaluation is a sub-command in its own Eval*Command.cs file.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var eval = new Command("eval", "Measure FeedWatch against labelled corpora and benchmarks.");
        eval.Subcommands.Add(EvalStoriesCommand.Create());
        eval.Subcommands.Add(EvalRelationsCommand.Create());
        eval.Subcommands.Add(EvalSpeedCommand.Create());
        return eval;
    }
}
