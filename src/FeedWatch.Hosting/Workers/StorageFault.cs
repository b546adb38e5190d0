using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Hosting.Workers;

/// <summary>
/// Faults no retry can cure — a read-only data folder, permission denied, a full disk — stop the host at once with one
/// clear error instead of retrying forever. Nothing is lost: a message being handled stays on its queue and is handled
/// again after the next start. The command that ran the host reads <see cref="Fatal"/> and exits non-zero.
/// </summary>
public sealed class StorageFault(IHostApplicationLifetime lifetime, ILogger<StorageFault> logger)
{
    private const int Enospc = 28, Erofs = 30, Edquot = 122;                                        // Linux errno
    private const int ErrorWriteProtect = 0x13, ErrorHandleDiskFull = 0x27, ErrorDiskFull = 0x70;  // Windows
    private Exception? fatal;

    /// <summary>The first unrecoverable storage fault, or null.</summary>
    public Exception? Fatal => Volatile.Read(ref fatal);

    /// <summary>True when <paramref name="error"/> (or an inner exception) is a read-only, permission or disk-full fault.</summary>
    public static bool IsFatal(Exception error) => FindFatal(error) is not null;

    /// <summary>A one-line description a user can act on.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var cause = FindFatal(error) ?? error;
        var kind = cause switch
        {
            UnauthorizedAccessException => "permission denied",
            IOException io when (io.HResult & 0xFFFF) is Erofs or ErrorWriteProtect => "the file system is read-only",
            IOException io when (io.HResult & 0xFFFF) is Enospc or Edquot or ErrorDiskFull or ErrorHandleDiskFull => "the disk is full",
            _ => "storage error",
        };
        return $"The data folder cannot be written ({kind}): {cause.Message}";
    }

    /// <summary>Stops the host when <paramref name="error"/> is unrecoverable; false (nothing done) otherwise.</summary>
    public bool StopIfFatal(Exception error, string where)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!IsFatal(error))
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref fatal, error, null) is null)
        {
            logger.LogCritical("{Where}: {Problem}. Stopping; nothing was lost (unfinished messages stay on their queues).", where, Describe(error));
            lifetime.StopApplication();
        }

        return true;
    }

    private static Exception? FindFatal(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is UnauthorizedAccessException
                || (e is IOException io && (io.HResult & 0xFFFF) is Enospc or Erofs or Edquot or ErrorWriteProtect or ErrorHandleDiskFull or ErrorDiskFull
                    && e is not FileNotFoundException and not DirectoryNotFoundException))
            {
                return e;
            }
        }

        return null;
    }
}
