using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FeedWatch.Evaluation.Articles;

/// <summary>
/// CPU time of the calling thread, where the OS offers it (Linux, macOS); elsewhere the whole process's. The
/// one-core throughput figure must not be charged with other threads' work (tiered JIT compiling in the
/// background, a progress bar redrawing), nor credited with it.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeIdLinux = 3;
    private const int ClockThreadCpuTimeIdMac = 16;

    public static bool IsPerThread { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    public static TimeSpan Now()
    {
        if (IsPerThread)
        {
            var clock = OperatingSystem.IsLinux() ? ClockThreadCpuTimeIdLinux : ClockThreadCpuTimeIdMac;
            if (clock_gettime(clock, out var spec) == 0)
            {
                return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
            }
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the generated marshaller would need unsafe code in the domain assembly,
    // and this signature (an int and a blittable out struct) needs no marshalling.
#pragma warning disable SYSLIB1054, CA5392
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out TimeSpec spec);
#pragma warning restore SYSLIB1054, CA5392
}
