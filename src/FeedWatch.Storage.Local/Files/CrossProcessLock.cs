using System.Collections.Concurrent;

namespace FeedWatch.Storage.Local.Files;

/// <summary>
/// A named lock that holds across threads and processes sharing one data folder. Threads of one instance
/// queue on a <see cref="SemaphoreSlim"/>; processes (and separate instances) exclude each other through an
/// exclusive open of a lock file (FileShare.None, which .NET maps to flock(LOCK_EX) on Unix and to a sharing
/// lock on Windows). The OS drops the file lock when a process dies, so a crash never leaves the folder locked.
/// </summary>
public sealed class CrossProcessLock(string lockDirectory)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(20);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public string LockDirectory { get; } = lockDirectory;

    public async Task<IDisposable> AcquireAsync(string lockName, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(lockName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = await OpenExclusiveAsync(Path.Combine(LockDirectory, lockName + ".lock"), cancellationToken).ConfigureAwait(false);
            return new Held(stream, gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
            }
            catch (DirectoryNotFoundException)
            {
                Directory.CreateDirectory(LockDirectory);
            }
            catch (IOException) when (!cancellationToken.IsCancellationRequested)
            {
                // Another process holds it; lock holds are short (one small file write), so poll with a short backoff.
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private sealed class Held(FileStream stream, SemaphoreSlim gate) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                stream.Dispose();
                gate.Release();
            }
        }
    }
}
