using System.Globalization;

namespace FeedWatch.Cli.Tests;

/// <summary>`eval speed` on a tiny index: one row per size, and with --rounds one line of per-round figures and their median.</summary>
public sealed class EvalSpeedCommandTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private static async Task<(int ExitCode, string[] Lines)> RunAsync(params string[] arguments)
    {
        // The command prints straight to the process's console (it measures the process), so it runs as one.
        using var process = CliProcess.Start("eval speed", NoEnvironment, arguments);
        var exitCode = await process.WaitAsync(TimeSpan.FromMinutes(3));
        return (exitCode, process.Output.Split('\n'));
    }

    [Fact]
    public async Task Rounds_print_every_round_and_their_median()
    {
        var run = await RunAsync("eval", "speed", "--sizes", "300", "--queries", "40", "--rounds", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.TrimStart().StartsWith("300 ", StringComparison.Ordinal));
        var rounds = Assert.Single(run.Lines, l => l.Contains("3 rounds of 40 matches", StringComparison.Ordinal));
        var figures = rounds[(rounds.IndexOf("per CPU-second ", StringComparison.Ordinal) + "per CPU-second ".Length)..rounds.IndexOf(';', StringComparison.Ordinal)]
            .Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, figures.Count);
        Assert.All(figures, f => Assert.True(f > 0));
        Assert.Contains($"median {figures.Order().ElementAt(1).ToString("F0", CultureInfo.InvariantCulture)},", rounds, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_prints_one_object_per_index_size()
    {
        var run = await RunAsync("eval", "speed", "--sizes", "200,400", "--queries", "40", "--json");

        Assert.Equal(0, run.ExitCode);
        var objects = run.Lines.Where(l => l.StartsWith('{')).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([200L, 400L], objects.Select(o => o.GetProperty("indexed").GetInt64()));
        Assert.All(objects, o => Assert.True(o.GetProperty("matchesPerCpuSecond").GetDouble() > 0));
        Assert.All(objects, o => Assert.True(o.GetProperty("indexBytesPerArticle").GetDouble() > 0));
    }

    [Fact]
    public async Task Zero_rounds_is_refused_with_a_clear_error()
    {
        var run = await RunAsync("eval", "speed", "--sizes", "100", "--rounds", "0");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.Contains("--rounds must be positive", StringComparison.Ordinal));
    }
}
