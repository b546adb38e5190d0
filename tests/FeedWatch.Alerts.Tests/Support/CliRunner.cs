using FeedWatch.Cli.Commands;
using FeedWatch.Cli.Hosting;
using Spectre.Console;

namespace FeedWatch.Alerts.Tests.Support;

/// <summary>Runs `feedwatch …` in-process with a captured console and configuration overrides.</summary>
public static class CliRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var context = new CliContext(console, new StringWriter(), settings);
        var exit = await CommandCatalog.CreateRootCommand(context).Parse(args).InvokeAsync(cancellationToken: cancellationToken);
        return (exit, output.ToString());
    }
}
