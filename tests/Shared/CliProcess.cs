using System.Diagnostics;
using System.Text;

namespace FeedWatch.Tests.Shared;

/// <summary>
/// The built `feedwatch` executable (copied beside the tests by a project reference to FeedWatch.Cli) running as a
/// child process, with its output captured so a failing test can show what the process said. Unlike
/// <see cref="CliRunner"/> (in-process), several of these can run at once against the same storage, and a test can
/// kill one outright.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "feedwatch.dll");
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private CliProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>A label for messages, e.g. "run #2".</summary>
    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The child's process id (to send it a signal).</summary>
    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote to stdout and stderr so far, interleaved as it arrived.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Only what the process wrote to stderr so far.</summary>
    public string Error
    {
        get
        {
            lock (_output)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>The folder holding the built feedwatch.dll and everything it loads.</summary>
    public static string BuildFolder => Path.GetDirectoryName(Executable)!;

    public static CliProcess Start(string name, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartVia(name, [], Executable, environment, arguments);

    /// <summary>
    /// Runs <c>launcher… dotnet <paramref name="executable"/> arguments…</c>, e.g. with <c>setpriv --reuid=65534 …</c> as
    /// the launcher to run the CLI as an unprivileged user, or a copy of the build elsewhere as the executable.
    /// </summary>
    public static CliProcess StartVia(string name, IReadOnlyList<string> launcher, string executable, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} is missing: the test project must reference FeedWatch.Cli.");
        }

        var start = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var part in launcher.Skip(1))
        {
            start.ArgumentList.Add(part);
        }

        if (launcher.Count > 0)
        {
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var child = new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet " + executable), name);
        // Drain both pipes continuously: a chatty child must never block on a full buffer.
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data, error: true);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to exit; kills it and fails with its output when it takes longer than <paramref name="limit"/>.</summary>
    public async Task<int> WaitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"feedwatch ({Name}) did not finish within {limit.TotalSeconds:0} s. Its output:\n{Output}");
        }

        // The parameterless wait also drains the redirected output to its end.
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL on Unix: no shutdown hooks, no flush.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line, bool error = false)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (error)
            {
                _error.AppendLine(line);
            }
        }
    }
}
