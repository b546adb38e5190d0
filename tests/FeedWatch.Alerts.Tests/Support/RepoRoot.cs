namespace FeedWatch.Alerts.Tests.Support;

/// <summary>The folder holding FeedWatch.sln, found by walking up from the test binaries.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FeedWatch.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("FeedWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
