using System.Runtime.InteropServices;

namespace FeedWatch.Storage.Local.Files;

/// <summary>
/// fsync of a directory, so a rename or delete in it survives a power cut (POSIX keeps directory entries in the
/// directory's own data). .NET cannot open a directory as a file, so this calls open(2)/fsync(2) directly. On Windows
/// (NTFS journals metadata) it does nothing.
/// </summary>
internal static partial class DirectorySync
{
    private const int ORdOnly = 0, ODirectory = 0x10000; // Linux values (O_DIRECTORY is 0x100000 on macOS)

    public static void Flush(string? directory)
    {
        if (string.IsNullOrEmpty(directory) || OperatingSystem.IsWindows() || !Directory.Exists(directory))
        {
            return;
        }

        var flags = ORdOnly | (OperatingSystem.IsLinux() ? ODirectory : 0);
        var fd = Open(directory, flags);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{directory}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                // EINVAL: the file system does not sync directories (some network and FUSE file systems).
                if (errno != 22)
                {
                    throw new IOException($"fsync of directory '{directory}' failed (errno {errno}).", errno);
                }
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
