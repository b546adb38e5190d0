using System.Diagnostics;
using System.Globalization;

namespace FeedWatch.Cli.Load;

/// <summary>
/// Starts `feedwatch` child processes (this very build) and measures the CPU time they used: on Linux the
/// waited-for children's user + system time from /proc/self/stat (cutime, cstime), which counts every child exactly
/// once, however short-lived.
/// </summary>
internal static class HostProcesses
{
    private const double ClockTicksPerSecond = 100; // USER_HZ, 100 on every Linux the .NET runtime supports

    public static Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, Action<string> output)
    {
        var entry = Path.Combine(AppContext.BaseDirectory, "feedwatch.dll");
        var current = Environment.ProcessPath ?? "dotnet";
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "feedwatch.exe" : "feedwatch");
        ProcessStartInfo start;
        if (File.Exists(entry))
        {
            start = new ProcessStartInfo(Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet");
            start.ArgumentList.Add(entry);
        }
        else
        {
            start = new ProcessStartInfo(File.Exists(apphost) ? apphost : current);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        process.OutputDataReceived += (_, e) => Forward(e.Data, output);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, output);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>CPU seconds used by this process's children that have exited and been waited for; null where unknown.</summary>
    public static double? ChildrenCpuSeconds()
    {
        const string stat = "/proc/self/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is index 0: cutime (16) and cstime (17) are indexes 13 and 14.
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }

    private static void Forward(string? line, Action<string> output)
    {
        if (line is not null)
        {
            output(line);
        }
    }
}
