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

        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(context.Settings)
            .Build();
        if (configuration["FeedWatch:FeedsFile"] is { } configured && !string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var candidates = new[] { "feeds.yaml", "feeds.yml", "feeds.json" }.Select(Path.GetFullPath).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates[^1];
    }
}
