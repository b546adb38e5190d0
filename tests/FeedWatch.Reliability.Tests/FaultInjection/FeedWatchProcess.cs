using System.Diagnostics;

namespace FeedWatch.Reliability.Tests.FaultInjection;

/// <summary>Runs the built `feedwatch` executable (copied beside the tests) as a child process.</summary>
internal static class FeedWatchProcess
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "feedwatch.dll");

    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: the test project must reference FeedWatch.Cli");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        // Drain the pipes so a chatty child never blocks on a full buffer; FEEDWATCH_CHILD_LOG keeps what it printed
        // (to see, say, why a message went to a poison queue when a fault-injection test fails).
        var log = Environment.GetEnvironmentVariable("FEEDWATCH_CHILD_LOG");
        process.OutputDataReceived += (_, e) => AppendToLog(log, e.Data);
        process.ErrorDataReceived += (_, e) => AppendToLog(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>SIGKILL on Unix: no shutdown hooks, no flush — the crash the stores must survive.</summary>
    public static async Task KillAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    public static async Task<int> RunToEndAsync(IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync(process);
            Assert.Fail($"feedwatch {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds:0} s");
        }

        return process.ExitCode;
    }

    private static readonly Lock LogLock = new();

    private static void AppendToLog(string? log, string? line)
    {
        if (log is null || line is null)
        {
            return;
        }

        lock (LogLock)
        {
            File.AppendAllText(log, line + Environment.NewLine);
        }
    }
}
