using System.CommandLine;
using System.Text;
using FeedWatch.Cli.Commands;
using FeedWatch.Cli.Hosting;
using Spectre.Console;

namespace FeedWatch.Tests.Shared;

/// <summary>Runs `feedwatch` commands in-process exactly as the executable does, capturing what they print.</summary>
public sealed class CliRunner(IReadOnlyDictionary<string, string?> settings)
{
    public static TimeSpan Budget { get; } = TimeSpan.FromMinutes(4);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        var context = new CliContext(console, error, settings);
        // A hung pipeline must fail the test, not block CI: commands get a generous budget, then are cancelled.
        using var budget = new CancellationTokenSource(Budget);
        var exitCode = await CommandCatalog.CreateRootCommand(context).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, budget.Token);
        Assert.False(budget.IsCancellationRequested, $"feedwatch {string.Join(' ', args)} did not finish within {Budget}.");
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
