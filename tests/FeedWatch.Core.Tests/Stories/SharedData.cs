namespace FeedWatch.Core.Tests.Stories;

/// <summary>Locates ../shared/data relative to the repository root (the folder holding FeedWatch.sln). Missing data fails loudly.</summary>
internal static class SharedData
{
    public static string PathOf(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FeedWatch.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("Repository root (FeedWatch.sln) not found above " + AppContext.BaseDirectory);
        }

        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Shared data file missing: " + path, path);
        }

        return path;
    }
}
