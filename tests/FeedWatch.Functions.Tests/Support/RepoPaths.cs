namespace FeedWatch.Functions.Tests.Support;

/// <summary>Finds files by their path from the repository root (the folder holding FeedWatch.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadText(string relativePath)
    {
        var path = Of(relativePath);
        Assert.True(File.Exists(path), $"Expected {relativePath} at the repository root ({Root}).");
        return File.ReadAllText(path);
    }

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
