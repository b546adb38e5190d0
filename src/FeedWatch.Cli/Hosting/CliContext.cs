using Spectre.Console;

namespace FeedWatch.Cli.Hosting;

/// <summary>
/// What every command needs from its surroundings: the console to write to and configuration settings that
/// override appsettings/environment (the tests pass host maps this way; users use appsettings or FEEDWATCH__ variables).
/// </summary>
public sealed record CliContext(IAnsiConsole Console, TextWriter Error, IReadOnlyDictionary<string, string?> Settings)
{
    public static CliContext Default() => new(AnsiConsole.Console, System.Console.Error, new Dictionary<string, string?>());
}
