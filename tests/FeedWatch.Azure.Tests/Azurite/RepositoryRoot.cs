namespace FeedWatch.Azure.Tests.Azurite;

/// <summary>The folder holding FeedWatch.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FeedWatch.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No FeedWatch.sln above {AppContext.BaseDirectory}.");
    }
}
