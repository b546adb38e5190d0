namespace FeedWatch.Core.Tests.Feeds.Conformance;

/// <summary>Locates ../shared/data/feeds relative to the repository root (the folder holding FeedWatch.sln).</summary>
internal static class SharedData
{
    public static string FeedsRoot { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([FeedsRoot, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FeedWatch.sln")))
            {
                var feeds = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data", "feeds"));
                return Directory.Exists(feeds)
                    ? feeds
                    : throw new DirectoryNotFoundException($"The feed conformance corpora are missing: expected {feeds}");
            }
        }

        throw new DirectoryNotFoundException("FeedWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
