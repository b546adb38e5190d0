using FeedWatch.Cli.Hosting;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// Which feeds file `feeds import/export` work on: --feeds, else the FeedWatch:FeedsFile setting, else feeds.yaml,
/// feeds.yml or feeds.json in the current folder (the first that exists; feeds.json when none does).
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

        if (context.Settings.TryGetValue("FeedWatch:FeedsFile", out var configured) && !string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var candidates = new[] { "feeds.yaml", "feeds.yml", "feeds.json" }.Select(Path.GetFullPath).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates[^1];
    }
}
