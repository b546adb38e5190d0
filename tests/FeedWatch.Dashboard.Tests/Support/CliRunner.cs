using System.CommandLine;
using System.Text;
using FeedWatch.Cli.Commands;
using FeedWatch.Cli.Hosting;
using Spectre.Console;

namespace FeedWatch.Dashboard.Tests.Support;

/// <summary>Runs `feedwatch` commands in-process as the executable does; returns the exit code and everything printed.</summary>
public sealed class CliRunner(IReadOnlyDictionary<string, string?> settings)
{
    public static CliContext QuietContext(IReadOnlyDictionary<string, string?> settings, TextWriter output) =>
        new(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        }), output, settings);

    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter(new StringBuilder());
        var context = QuietContext(settings, output);
        var exitCode = await CommandCatalog.CreateRootCommand(context).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exitCode, output.ToString());
    }
}
