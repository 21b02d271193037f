using System.Diagnostics;
using System.Globalization;

namespace PerfEval.Benchmarks;

/// <summary>
/// Peak memory of the national pipeline, in a fresh process per size (<c>--national-memory FILE</c>), so that one size's
/// heap does not carry over into the next: the process's peak working set (VmHWM: runtime, code and heap) and the
/// largest GC heap and committed memory seen by a sampler every 5 ms.
/// </summary>
internal static class NationalMemory
{
    /// <summary>What one child process measured.</summary>
    public sealed record Peak(int Programmes, double WorkingSetMegabytes, double HeapMegabytes, double CommittedMegabytes, int Gen2Collections, double Seconds);

    /// <summary>In the child: runs the pipeline once over the file (summary lines to a null stream) and prints one <c>memory …</c> line.</summary>
    public static int Run(string file, TextWriter o)
    {
        var count = 0;
        foreach (var _ in NationalScenario.Lines(file))
        {
            count++;
        }

        var national = new NationalScenario(count, file);
        long heap = 0, committed = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do
            {
                heap = Math.Max(heap, GC.GetTotalMemory(forceFullCollection: false));
                committed = Math.Max(committed, GC.GetGCMemoryInfo().TotalCommittedBytes);
            }
            while (!done.Wait(5));
        })
        { IsBackground = true };
        sampler.Start();
        var clock = Stopwatch.StartNew();
        var written = national.RunPerfEval(Stream.Null);
        var seconds = clock.Elapsed.TotalSeconds;
        done.Set();
        sampler.Join();
        if (written != count)
        {
            throw new InvalidOperationException($"{written} lines written for {count} programmes.");
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory {count} {process.PeakWorkingSet64 / 1048576.0:0.0} {heap / 1048576.0:0.0} {committed / 1048576.0:0.0} {GC.CollectionCount(2)} {seconds:0.00}"));
        return 0;
    }

    /// <summary>Runs <see cref="Run"/> in a child process (this program again) and reads its line.</summary>
    public static Peak Measure(string file)
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(processPath) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(NationalMemory).Assembly.Location);
        }

        start.ArgumentList.Add("--national-memory");
        start.ArgumentList.Add(file);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + processPath);
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("memory ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The memory child printed no figures (exit code {child.ExitCode}): {output}");
        var f = line.Split(' ');
        double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new Peak(int.Parse(f[1], CultureInfo.InvariantCulture), D(2), D(3), D(4), int.Parse(f[5], CultureInfo.InvariantCulture), D(6));
    }
}
