using System.Diagnostics;
using FeedWatch.Cli.Tests.Support;

namespace FeedWatch.Cli.Tests;

/// <summary>
/// The review's broken disks, on real file systems (a tmpfs the test mounts): a read-only data folder and a full disk end
/// the command within seconds with a clear error and a non-zero exit, lose nothing and leave no temp files; a corrupt
/// message file is poisoned and the run ends; `queues poison` lists, requeues and purges.
/// </summary>
public sealed class StorageFaultCommandTests
{
    private static readonly Dictionary<string, string?> FastSettings = new()
    {
        ["FeedWatch:Workers:ScheduleInterval"] = "00:00:01",
        ["FeedWatch:Workers:RetryDelay"] = "00:00:01",
    };

    private const string StoryText = "A ferry carrying 120 passengers ran aground off the northern coast on Tuesday; all passengers were brought ashore safely by the coastguard, which said the cause was being investigated.";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_read_only_data_folder_ends_run_with_a_clear_error_and_exit_1_within_a_minute(bool untilQuiet)
    {
        using var disk = new TmpfsMount("8m");
        using var work = new TempFolder();
        var story = work.File("story.txt", StoryText);
        var feeds = work.File("feeds.yaml", "feeds:\n  - url: http://unreachable.example/feed.xml\n    pollInterval: 1s\n");
        var cli = new CliRunner(FastSettings);
        var tracked = await cli.RunAsync("track", "add", "--text-file", story, "--title", "Ferry", "--data", disk.Path);
        Assert.True(tracked.ExitCode == 0, tracked.Output + tracked.Error);
        var before = Snapshot(disk.Path);
        disk.RemountReadOnly();

        var clock = Stopwatch.StartNew();
        var run = await cli.RunAsync(untilQuiet ? ["run", "--feeds", feeds, "--data", disk.Path, "--until-quiet"] : ["run", "--feeds", feeds, "--data", disk.Path]);

        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("read-only", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(disk.Path));
    }

    [Fact]
    public async Task A_full_disk_ends_track_add_with_a_clear_error_and_leaves_no_temp_files()
    {
        using var disk = new TmpfsMount("1m");
        using var work = new TempFolder();
        var cli = new CliRunner(FastSettings);
        var first = await cli.RunAsync("track", "add", "--text-file", work.File("one.txt", StoryText), "--title", "Ferry", "--data", disk.Path);
        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        disk.Fill();
        var before = Snapshot(disk.Path);

        var second = await cli.RunAsync("track", "add", "--text-file", work.File("two.txt", StoryText + " A second, different account of it."), "--title", "Ferry 2", "--data", disk.Path);

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("disk is full", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", second.Error, StringComparison.Ordinal); // no stack trace
        Assert.Empty(Directory.EnumerateFiles(disk.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(before.Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)), Snapshot(disk.Path).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_corrupt_message_is_poisoned_the_run_ends_and_queues_poison_lists_requeues_and_purges_it()
    {
        using var data = new TempFolder();
        var cli = new CliRunner(FastSettings);
        var messages = Path.Combine(data.Path, "queues", "feedwatch-fetch-article", "messages");
        Directory.CreateDirectory(messages);
        await File.WriteAllTextAsync(Path.Combine(messages, "0000000000000000-000000000000.json"), "{\"id\":\"0000\",\"body\":\"{\\\"feedId");

        var run = await cli.RunAsync("run", "--data", data.Path, "--until-quiet", "--quiet");
        Assert.True(run.ExitCode == 0, run.Output + run.Error);

        var list = await cli.RunAsync("queues", "poison", "list", "--data", data.Path);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("feedwatch-fetch-article-poison: 1", list.Output, StringComparison.Ordinal);
        Assert.Contains("feedId", list.Output, StringComparison.Ordinal);

        var requeue = await cli.RunAsync("queues", "poison", "requeue", "--queue", "feedwatch-fetch-article", "--data", data.Path);
        Assert.Contains("1 poison message(s) sent back", requeue.Output, StringComparison.Ordinal);
        Assert.Single(Directory.EnumerateFiles(messages, "*.json"));

        // Still corrupt: the next run poisons it again, and purge removes it.
        Assert.Equal(0, (await cli.RunAsync("run", "--data", data.Path, "--until-quiet", "--quiet")).ExitCode);
        var purge = await cli.RunAsync("queues", "poison", "purge", "--data", data.Path);
        Assert.Contains("1 poison message(s) deleted", purge.Output, StringComparison.Ordinal);
        Assert.Contains("0 poison message(s) in total", (await cli.RunAsync("queues", "poison", "list", "--data", data.Path)).Output, StringComparison.Ordinal);
    }

    /// <summary>Every file with its length: proves nothing was lost or half-written.</summary>
    private static List<string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("filler.bin", StringComparison.Ordinal) && !f.Contains(Path.Combine(".feedwatch", "locks"), StringComparison.Ordinal))
            .Select(f => $"{Path.GetRelativePath(root, f)}:{new FileInfo(f).Length}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
