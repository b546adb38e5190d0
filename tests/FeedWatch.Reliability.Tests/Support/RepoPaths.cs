namespace FeedWatch.Reliability.Tests.Support;

/// <summary>Finds the repository root (the folder holding FeedWatch.sln) and the shared data beside it, read in place.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SharedData(params string[] parts) =>
        Path.GetFullPath(Path.Combine([Root, "..", "shared", "data", .. parts]));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FeedWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FeedWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
