using System.Diagnostics;
using System.Security.Cryptography;
using FeedWatch.Cli.Tests.Support;

namespace FeedWatch.Cli.Tests;

/// <summary>
/// The review's "permission denied" data folder, as a real EACCES: the test (root) prepares a data folder owned by root
/// with mode 0755, then runs the built CLI as the unprivileged user nobody (uid/gid 65534, via <c>setpriv</c>), which can
/// read the folder but not write it. `run --until-quiet` must end within seconds with one clear error and exit 1, and
/// lose nothing. Root ignores file modes, so without root to drop from the test fails loudly rather than skipping.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PermissionDeniedCommandTests
{
    private const int Nobody = 65534;
    private const string StoryText = "A ferry carrying 120 passengers ran aground off the northern coast on Tuesday; all passengers were brought ashore safely by the coastguard, which said the cause was being investigated.";

    [Fact]
    public async Task A_permission_denied_data_folder_ends_run_until_quiet_as_an_unprivileged_user_with_a_clear_error_and_exit_1()
    {
        Assert.True(OperatingSystem.IsLinux(), "This test needs Linux (setpriv, Unix file modes).");
        Assert.True(Environment.IsPrivilegedProcess, "This test must run as root: it drops to uid/gid 65534 (nobody) to get a real EACCES, and root itself ignores file modes.");
        var setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);
        Assert.True(setpriv is not null, "setpriv (util-linux) is needed to run the CLI as nobody; it is not installed.");

        using var work = new TempFolder();
        var cli = new CliRunner(new Dictionary<string, string?> { ["FeedWatch:Workers:ScheduleInterval"] = "00:00:01", ["FeedWatch:Workers:RetryDelay"] = "00:00:01" });
        var data = Path.Combine(work.Path, "data");
        var tracked = await cli.RunAsync("track", "add", "--text-file", work.File("story.txt", StoryText), "--title", "Ferry", "--data", data);
        Assert.True(tracked.ExitCode == 0, tracked.Output + tracked.Error);
        var feeds = work.File("feeds.yaml", "feeds:\n  - url: http://unreachable.example/feed.xml\n    pollInterval: 1s\n");

        // The data folder (and everything in it) is root's: nobody may read and traverse it, never write.
        foreach (var dir in Directory.EnumerateDirectories(data, "*", SearchOption.AllDirectories).Prepend(data).Prepend(work.Path))
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101); // 0755
        }

        foreach (var file in Directory.EnumerateFiles(work.Path, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100); // 0644
        }

        // The build under /work may not be reachable by nobody: run a world-readable copy, with a home nobody owns.
        var app = Path.Combine(work.Path, "app");
        CopyFolder(CliProcess.BuildFolder, app);
        var home = Path.Combine(work.Path, "home");
        Directory.CreateDirectory(home);
        Run("chown", $"{Nobody}:{Nobody}", home);
        var before = Snapshot(data);
        Assert.NotEmpty(before);

        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")),
            ["FeedWatch__Workers__ScheduleInterval"] = "00:00:01",
            ["FeedWatch__Workers__RetryDelay"] = "00:00:01",
        };
        var clock = Stopwatch.StartNew();
        using var run = CliProcess.StartVia(
            "run as nobody",
            [setpriv!, $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups"],
            Path.Combine(app, "feedwatch.dll"),
            environment,
            "run", "--feeds", feeds, "--data", data, "--until-quiet");
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(60)); // kills it and fails with its output when it hangs

        Assert.True(exitCode == 1, $"exit code {exitCode} after {clock.Elapsed}; output:\n{run.Output}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}; output:\n{run.Output}");
        Assert.True(run.Error.Contains("error: The data folder cannot be written (permission denied)", StringComparison.Ordinal) && run.Error.Contains($"'{data}", StringComparison.Ordinal), "no clear permission-denied error naming the data folder on stderr:\n" + run.Output);
        Assert.False(run.Output.Contains("   at ", StringComparison.Ordinal) || run.Output.Contains("Exception:", StringComparison.Ordinal), "a stack trace was printed:\n" + run.Output);
        Assert.Equal(before, Snapshot(data)); // nothing lost, nothing changed
    }

    /// <summary>Every file with a hash of its bytes.</summary>
    private static List<string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(root, f)}:{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        File.SetUnixFileMode(to, (UnixFileMode)0b111_101_101);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var copy = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, (UnixFileMode)0b110_100_100);
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }

    private static void Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} failed: {error}");
    }
}
