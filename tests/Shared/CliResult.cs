namespace FeedWatch.Tests.Shared;

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public IEnumerable<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
