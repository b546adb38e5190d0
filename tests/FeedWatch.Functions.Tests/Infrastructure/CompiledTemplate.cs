using System.Diagnostics;
using System.Text.Json;
using FeedWatch.Functions.Tests.Support;

namespace FeedWatch.Functions.Tests.Infrastructure;

/// <summary>
/// infra/main.bicep compiled to its ARM template by the real Bicep CLI (Azure.Bicep.CommandLine.linux-x64 from NuGet),
/// once per test run. Fails with the compiler's output when the template does not build.
/// </summary>
internal static class CompiledTemplate
{
    private static readonly Lazy<JsonElement> Template = new(Compile);

    public static JsonElement Root => Template.Value;

    /// <summary>
    /// The Function App's app settings as deployed: the connection settings the functionapp module defines
    /// (its "connectionSettings" variable) and the FeedWatch settings main.bicep passes it, by name.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FunctionAppSettings
    {
        get
        {
            var module = Root.GetProperty("resources").EnumerateArray()
                .Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "functionapp");
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var setting in module.GetProperty("properties").GetProperty("template").GetProperty("variables").GetProperty("connectionSettings").EnumerateObject())
            {
                settings[setting.Name] = setting.Value.ToString();
            }

            foreach (var setting in module.GetProperty("properties").GetProperty("parameters").GetProperty("appSettings").GetProperty("value").EnumerateObject())
            {
                settings[setting.Name] = setting.Value.ToString();
            }

            return settings;
        }
    }

    /// <summary>The default value of a parameter of main.bicep.</summary>
    public static string ParameterDefault(string name) =>
        Root.GetProperty("parameters").GetProperty(name).GetProperty("defaultValue").GetString()!;

    /// <summary>Runs the Bicep CLI with the arguments and returns (exit code, stdout, stderr).</summary>
    public static (int ExitCode, string Output, string Errors) RunBicep(params string[] arguments)
    {
        var cli = BuildOutputs.BicepCli;
        Assert.True(File.Exists(cli), $"The Bicep CLI is missing at {cli}: restore tests/FeedWatch.Functions.Tests (PackageDownload Azure.Bicep.CommandLine.linux-x64).");
        // The package is the linux-x64 CLI; NuGet does not keep the executable bit of package files.
        Assert.True(OperatingSystem.IsLinux(), "The Bicep CLI package used here is linux-x64.");
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(cli, File.GetUnixFileMode(cli) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoPaths.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 5 minutes.");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult(), errors.GetAwaiter().GetResult());
    }

    private static JsonElement Compile()
    {
        var (exitCode, output, errors) = RunBicep("build", RepoPaths.Of("infra/main.bicep"), "--stdout");
        Assert.True(exitCode == 0, $"bicep build infra/main.bicep failed ({exitCode}):\n{errors}");
        Assert.True(errors.Trim().Length == 0, $"bicep build infra/main.bicep warned:\n{errors}");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }
}
