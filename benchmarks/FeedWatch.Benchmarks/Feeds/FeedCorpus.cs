namespace FeedWatch.Benchmarks.Feeds;

/// <summary>The shared feed corpora, read in place from ../shared/data/feeds next to the repository root.</summary>
internal static class FeedCorpus
{
    public static string Root { get; } = Find();

    public static byte[] Read(params string[] parts) => File.ReadAllBytes(Path.Combine([Root, .. parts]));

    public static byte[][] SmallGofeedRss() =>
        Directory.EnumerateFiles(Path.Combine(Root, "gofeed", "parser", "rss"), "*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedWatch.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "feeds"));
            }
        }

        throw new DirectoryNotFoundException("FeedWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
