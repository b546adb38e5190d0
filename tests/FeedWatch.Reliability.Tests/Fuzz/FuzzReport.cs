namespace FeedWatch.Reliability.Tests.Fuzz;

internal sealed record FuzzReport(int Mutants, IReadOnlyList<string> Crashes, TimeSpan Elapsed)
{
    public string Summary => $"{Mutants} mutants in {Elapsed.TotalSeconds:0.0} s, {Crashes.Count} crashes";
}
