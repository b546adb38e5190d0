using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FeedWatch.Cli.Load;

namespace FeedWatch.Reliability.Tests.Scale;

/// <summary>Runs `feedwatch eval load --hosts ... --json` as a child process (it starts its own host processes) and reads its report.</summary>
internal static class HostsEvalProcess
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "feedwatch.dll");

    public static async Task<HostsLoadReport> RunAsync(TimeSpan limit, params string[] arguments)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: the test project must reference FeedWatch.Cli");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Executable);
        foreach (var argument in (string[])["eval", "load", .. arguments, "--json"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (error) { error.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"feedwatch eval load {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds:0} s:\n{error}");
        }

        await process.WaitForExitAsync();
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        var json = text.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith('{'));
        Assert.True(json is not null, $"no JSON report (exit {process.ExitCode}):\n{text}\n{error}");
        return JsonSerializer.Deserialize<HostsLoadReport>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
