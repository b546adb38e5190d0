using System.Diagnostics;

namespace FeedWatch.Cli.Tests.Support;

/// <summary>
/// A real, small tmpfs file system for disk-fault tests (read-only remount, full disk). Needs root (the CI and dev VM run
/// tests as root); without it the test fails loudly rather than skipping.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(string size)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "feedwatch-tmpfs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
        Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", Path);
    }

    public string Path { get; }

    public void RemountReadOnly() => Run("mount", "-o", "remount,ro", Path);

    /// <summary>Fills the file system to the last byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler.bin"), FileMode.Create, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full
        }
    }

    public void Dispose()
    {
        try
        {
            Run("umount", "-l", Path);
            Directory.Delete(Path);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {process.StandardError.ReadToEnd()} — disk-fault tests need root to mount a tmpfs.");
        }
    }
}
