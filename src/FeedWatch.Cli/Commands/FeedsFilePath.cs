using FeedWatch.Cli.Hosting;
using Microsoft.Extensions.Configuration;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// Which feeds file `feeds import/export/discover --add` work on: --feeds, else the FeedWatch:FeedsFile setting (CLI
/// overrides, environment FeedWatch__FeedsFile, appsettings.json in the current folder — as the host reads it), else
/// feeds.yaml, feeds.yml or feeds.json in the current folder (the first that exists; feeds.json when none does).
/// </summary>
public static class FeedsFilePath
{
    public static string Resolve(FileInfo? given, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (given is not null)
        {
            return given.FullName;
        }

        if (Configured(context) is { } configured)
        {
            return Path.GetFullPath(configured);
        }

        var candidates = new[] { "feeds.yaml", "feeds.yml", "feeds.json" }.Select(Path.GetFullPath).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates[^1];
    }

    private static string? Configured(CliContext context)
    {
        try
        {
            var configuration = new ConfigurationBuilder()
                .SetBasePath(Directory.GetCurrentDirectory())
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .AddInMemoryCollection(context.Settings)
                .Build();
            return string.IsNullOrWhiteSpace(configuration["FeedWatch:FeedsFile"]) ? null : configuration["FeedWatch:FeedsFile"];
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            // A broken appsettings.json is reported by the commands that need the host; here it only means "not configured".
            return context.Settings.TryGetValue("FeedWatch:FeedsFile", out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        }
    }
}
