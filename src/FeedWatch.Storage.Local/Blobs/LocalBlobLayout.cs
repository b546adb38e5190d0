using FeedWatch.Core.Ports.Blobs;

namespace FeedWatch.Storage.Local.Blobs;

/// <summary>
/// Where a blob lives on disk. Content sits at its own name under the root ("articles/2026/05/01/x.json" is
/// exactly that file) so people can browse the folder; the store's bookkeeping lives under ".feedwatch/".
/// </summary>
internal sealed class LocalBlobLayout
{
    public const string ReservedFolder = ".feedwatch";
    private const string SidecarSuffix = ".props.json";
    private const int LockStripes = 64;

    public LocalBlobLayout(string root)
    {
        Root = Path.GetFullPath(root);
        var internals = Path.Combine(Root, ReservedFolder);
        PropsRoot = Path.Combine(internals, "props");
        LockDirectory = Path.Combine(internals, "locks");
        TempDirectory = Path.Combine(internals, "tmp");
    }

    public string Root { get; }

    public string PropsRoot { get; }

    public string LockDirectory { get; }

    public string TempDirectory { get; }

    public static void ValidateName(string name)
    {
        BlobNameRules.Validate(name);
        if (name == ReservedFolder || name.StartsWith(ReservedFolder + "/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Invalid blob name '{name}': '{ReservedFolder}/' is reserved for the store's own files.", nameof(name));
        }
    }

    public string ContentPath(string name) => Path.Combine(Root, ToRelativePath(name));

    public string SidecarPath(string name) => Path.Combine(PropsRoot, ToRelativePath(name) + SidecarSuffix);

    public string TempPath(string tempFileName) => Path.Combine(TempDirectory, tempFileName);

    /// <summary>Blobs hash onto a fixed set of lock files: enough parallelism, and no lock file per blob to clean up.</summary>
    public static string LockName(string name)
    {
        uint hash = 2166136261;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619;
        }

        return "blob-" + (hash % LockStripes).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The sidecar folder to scan for a prefix: the deepest folder every matching name lies under.</summary>
    public string ListingStart(string prefix)
    {
        var slash = prefix.LastIndexOf('/');
        return slash < 0 ? PropsRoot : Path.Combine(PropsRoot, ToRelativePath(prefix[..slash]));
    }

    /// <summary>The blob name for a sidecar file, or null for a file that is not a sidecar.</summary>
    public string? NameFromSidecar(string sidecarPath)
    {
        if (!sidecarPath.EndsWith(SidecarSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = Path.GetRelativePath(PropsRoot, sidecarPath[..^SidecarSuffix.Length]);
        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string ToRelativePath(string name) =>
        Path.DirectorySeparatorChar == '/' ? name : name.Replace('/', Path.DirectorySeparatorChar);
}
