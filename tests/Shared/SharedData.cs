namespace FeedWatch.Tests.Shared;

/// <summary>Finds ../shared/data relative to the repository root (the folder holding FeedWatch.sln). Fails loudly when absent.</summary>
public static class SharedData
{
    public static string Root { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedWatch.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(shared)
                    ? shared
                    : throw new DirectoryNotFoundException($"Shared data folder {shared} (../shared/data beside the repository) is missing.");
            }
        }

        throw new DirectoryNotFoundException("No FeedWatch.sln above " + AppContext.BaseDirectory);
    }
}
