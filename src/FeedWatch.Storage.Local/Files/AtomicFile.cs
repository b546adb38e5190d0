namespace FeedWatch.Storage.Local.Files;

/// <summary>
/// Writes files so a reader or a crash never sees half of one: the bytes go to a temp file in the same
/// file system, are flushed to disk (fsync), and the temp file is renamed over the target in one step.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to a new temp file in <paramref name="tempDirectory"/> and returns its path.</summary>
    public static string WriteTemp(string tempDirectory, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(tempDirectory);
        var tempPath = Path.Combine(tempDirectory, Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            stream.Write(content);
            // fsync before the rename: otherwise a power cut can leave the renamed file empty.
            stream.Flush(flushToDisk: true);
        }

        return tempPath;
    }

    /// <summary>Moves a finished temp file over <paramref name="targetPath"/> (creating its folder) atomically.</summary>
    public static void Commit(string tempPath, string targetPath)
    {
        var directory = Path.GetDirectoryName(targetPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.Move(tempPath, targetPath, overwrite: true);
    }

    public static void Write(string tempDirectory, string targetPath, ReadOnlySpan<byte> content) =>
        Commit(WriteTemp(tempDirectory, content), targetPath);

    /// <summary>Reads a file, or returns null when it does not exist (a concurrent delete is not an error).</summary>
    public static byte[]? TryReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
