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
        try
        {
            using var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
            stream.Write(content);
            // fsync before the rename: otherwise a power cut can leave the renamed file empty.
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            // A full disk or a failed write must not leave a zero-byte or partial temp file behind.
            TryDelete(tempPath);
            throw;
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

        try
        {
            File.Move(tempPath, targetPath, overwrite: true);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }

        // The rename lives in the directory: fsync it too, or a power cut can undo the rename.
        DirectorySync.Flush(directory);
    }

    /// <summary>Deletes a file and makes the delete durable (fsync of its directory).</summary>
    public static void Delete(string path)
    {
        File.Delete(path);
        DirectorySync.Flush(Path.GetDirectoryName(path));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // best effort: the original error is the one to report
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }

    public static void Write(string tempDirectory, string targetPath, ReadOnlySpan<byte> content) =>
        Commit(WriteTemp(tempDirectory, content), targetPath);

    /// <summary>Reads a file, or returns null when it does not exist (a concurrent delete is not an error).</summary>
    public static byte[]? TryReadAllBytes(string path)
    {
        // Most misses are ordinary (a blob not written yet): a stat is far cheaper than a thrown exception.
        if (!File.Exists(path))
        {
            return null;
        }

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
