using System.Runtime.InteropServices;

namespace PerfEval.Benchmarks;

/// <summary>
/// CPU time of the current thread and of the process, on Linux, from clock_gettime: a cross-check for the
/// Stopwatch figures on a machine shared with other work (time spent waiting for a core is not counted).
/// </summary>
internal static class CpuClock
{
    private const int ProcessClock = 2;
    private const int ThreadClock = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>Nanoseconds of CPU time used by the calling thread; 0 where not available.</summary>
    public static double Thread() => Available ? Read(ThreadClock) : 0;

    /// <summary>Nanoseconds of CPU time used by the whole process (every thread, GC and JIT included); 0 where not available.</summary>
    public static double Process() => Available ? Read(ProcessClock) : 0;

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ThreadClock, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static double Read(int clock)
    {
        // The probe has succeeded, so a failure here is not "not available": a figure of 0 would be wrong, not missing.
        return ClockGetTime(clock, out var t) == 0
            ? (t.Seconds * 1e9) + t.Nanoseconds
            : throw new InvalidOperationException("clock_gettime failed after a successful probe.");
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);
}
