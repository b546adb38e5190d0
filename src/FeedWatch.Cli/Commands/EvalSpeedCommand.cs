using System.CommandLine;

namespace FeedWatch.Cli.Commands;

/// <summary>Placeholder replaced below.</summary>
public static class EvalSpeedCommand
{
    public static Command Create() => new("speed", "Story engine speed and memory benchmark.");
}
