using System.Diagnostics;
using System.IO.Compression;
using FeedWatch.Core.Articles;
using FeedWatch.Core.Feeds;
using FeedWatch.Reliability.Tests.HostileInput;
using FeedWatch.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace FeedWatch.Reliability.Tests.Fuzz;

/// <summary>
/// Seeded, bounded mutation fuzzing of the real parser and extractor over the shared corpora (read in place).
/// Every mutant is reproducible from (seed, file, mutant number). Zero crashes allowed: the parser may only throw
/// FeedParseException, the extractor nothing at all. A wall-clock budget keeps CI bounded; a floor on the number of
/// mutants keeps the test from passing without doing the work.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20260921;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Feed_parser_survives_mutants_of_every_feed_corpus()
    {
        var files = Directory.EnumerateFiles(RepoPaths.SharedData("feeds"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 2000, $"expected the shared feed corpora, found {files.Count} files");
        var parser = new FeedParser(new FeedParserOptions { MaxBytes = 4 << 20 });

        var report = await Bounded.RunAsync(() => Run(files, 3, input =>
        {
            var outcome = ParseOutcome.Of(input, parser);
            return outcome.Error is null or FeedParseException ? null : outcome.Error;
        }), Budget + TimeSpan.FromSeconds(60), "feed fuzzing");

        output.WriteLine(report.Summary);
        Assert.True(report.Mutants >= 500, $"only {report.Mutants} mutants ran within the budget");
        Assert.True(report.Crashes.Count == 0, string.Join("\n", report.Crashes.Take(10)));
    }

    [Fact]
    public async Task Article_extractor_survives_mutants_of_the_benchmark_pages()
    {
        var files = Directory.EnumerateFiles(RepoPaths.SharedData("extraction", "scrapinghub", "html"), "*.html.gz").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 150, $"expected the scrapinghub pages, found {files.Count}");
        var extractor = new ArticleExtractor();
        var url = new Uri("http://fuzz.example/article.html");

        var report = await Bounded.RunAsync(() => Run(files, 2, input =>
        {
            try
            {
                _ = extractor.Extract(input, url, "text/html");
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }, Gunzip), Budget + TimeSpan.FromSeconds(60), "HTML fuzzing");

        output.WriteLine(report.Summary);
        Assert.True(report.Mutants >= 60, $"only {report.Mutants} mutants ran within the budget");
        Assert.True(report.Crashes.Count == 0, string.Join("\n", report.Crashes.Take(10)));
    }

    private static FuzzReport Run(IReadOnlyList<string> files, int mutantsPerFile, Func<byte[], Exception?> attempt, Func<string, byte[]>? load = null)
    {
        load ??= File.ReadAllBytes;
        var crashes = new List<string>();
        var mutants = 0;
        var clock = Stopwatch.StartNew();
        // Round-robin over mutant numbers first, so a budget cut still covers every file once.
        for (var round = 0; round < mutantsPerFile && clock.Elapsed < Budget; round++)
        {
            for (var index = 0; index < files.Count && clock.Elapsed < Budget; index++)
            {
                var original = load(files[index]);
                var random = new Random(HashCode.Combine(Seed, index, round));
                var mutant = Mutator.Mutate(original, random);
                mutants++;
                if (attempt(mutant) is { } crash)
                {
                    crashes.Add($"{Path.GetFileName(files[index])} seed={Seed} round={round}: {crash.GetType().Name}: {crash.Message}");
                }
            }
        }

        return new FuzzReport(mutants, crashes, clock.Elapsed);
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }
}
