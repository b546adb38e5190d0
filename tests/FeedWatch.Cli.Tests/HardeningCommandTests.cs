using System.Diagnostics;
using System.IO.Compression;
using FeedWatch.Cli.Commands;

namespace FeedWatch.Cli.Tests;

/// <summary>`extract` caps decompression (gzip bomb), `replay` stops on SIGTERM, a malformed --storage is a clear error.</summary>
public sealed class HardeningCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("feedwatch-hardening-").FullName;

    [Fact]
    public void Extract_stops_a_gzip_bomb_at_the_cap_without_holding_it()
    {
        var bomb = Path.Combine(folder, "page.html.gz");
        using (var file = File.Create(bomb))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 512; i++)
            {
                gzip.Write(zeros); // 512 MiB of zeros, well under a megabyte on disk
            }
        }

        var errors = new StringWriter();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var exit = ExtractCommand.Run([new FileInfo(bomb)], null, new StringWriter(), errors);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1, exit);
        Assert.Contains("decompresses to more than 16 MiB", errors.ToString(), StringComparison.Ordinal);
        Assert.True(allocated < 128L * 1024 * 1024, $"{allocated / (1024 * 1024)} MiB allocated");
    }

    [Fact]
    public async Task Replay_stops_on_sigterm()
    {
        var corpus = Path.Combine(folder, "corpus.jsonl");
        await File.WriteAllTextAsync(corpus,
            """{"id":"a1","story":"s1","outlet":"one.example","url":"https://one.example/a1","published":"2026-01-01T10:00:00Z","title":"Ferry aground","text":"A ferry ran aground off the coast on Tuesday.","lang":"en"}""" + "\n");
        using var replay = CliProcess.Start("replay", new Dictionary<string, string>(), "replay", "--corpus", corpus, "--port", "0", "--speed", "all");
        var clock = Stopwatch.StartNew();
        while (!replay.Output.Contains("Replaying", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(60) && !replay.HasExited)
        {
            await Task.Delay(100);
        }

        Assert.False(replay.HasExited, replay.Output);
        using (var kill = Process.Start("kill", ["-TERM", replay.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        Assert.Equal(0, await replay.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Contains("Stopped.", replay.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a connection string")]
    [InlineData("AccountName=x;AccountKey=@@@notbase64")]
    public async Task A_malformed_storage_string_is_a_clear_error_without_a_stack_trace(string storage)
    {
        var result = await new CliRunner(new Dictionary<string, string?>()).RunAsync("stories", "--storage", storage);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--storage", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_secrets_are_registered_with_the_redactor()
    {
        var token = "tok-" + Guid.NewGuid().ToString("N");
        var hook = $"https://hooks.intranet.example/{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?> { ["FeedWatch:Custom:ApiToken"] = token, ["FeedWatch:Alerts:Sinks:ops:Url"] = hook };
        var context = new FeedWatch.Cli.Hosting.CliContext(Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) }), TextWriter.Null, settings);
        Assert.Contains(token, FeedWatch.Core.Security.SecretRedactor.Shared.Redact($"sent {token}"), StringComparison.Ordinal);

        using var host = FeedWatch.Cli.Hosting.CliHost.Build(context, folder);

        Assert.Equal($"sent {FeedWatch.Core.Security.SecretRedactor.Mask}", FeedWatch.Core.Security.SecretRedactor.Shared.Redact($"sent {token}"));
        Assert.DoesNotContain(hook, FeedWatch.Core.Security.SecretRedactor.Shared.Redact($"posting to {hook}"), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
