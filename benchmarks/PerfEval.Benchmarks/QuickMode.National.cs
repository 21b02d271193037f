using System.Diagnostics;
using PerfEval.Benchmarks.Data;

namespace PerfEval.Benchmarks;

/// <summary>The national scenario in quick mode: throughput against the parse floor, where the time goes, peak memory.</summary>
internal static partial class QuickMode
{
    private const int NationalRounds = 3;
    private const int StageSample = 2000;

    /// <summary>The goal: 20,000 seed-sized programmes in about 2.5 s on two cores.</summary>
    private const double NationalGoalSeconds = 2.5;

    private const double NationalMemoryGoalMegabytes = 500;

    private static void National(TextWriter o, Results results, int programmes)
    {
        var clock = Stopwatch.StartNew();
        var national = new NationalScenario(programmes);
        var generated = clock.Elapsed;
        var parallelism = NationalScenario.Parallelism;
        o.WriteLine();
        o.WriteLine($"== national: {programmes} distinct seed-sized programmes ({ProgrammeGenerator.SeedSizedIndicators} indicators, each with its own indicator set) as JSON Lines, read, evaluated on {parallelism} threads in input order, summary lines written to a null stream");
        o.WriteLine($"# {national.Bytes} bytes of JSON Lines ({national.Bytes / programmes} per line), generated in {F(generated.TotalSeconds)} s: {national.File}");
        o.WriteLine($"# floor (\"parse\" in the ratio): each line of the same file parsed with JsonDocument.Parse, on {parallelism} threads (and on one)");
        Report(o, "national", national.Check(sample: 50), $"every programme read without errors and written once, in input order; on 50 sampled programmes the summary line gives the figures of a direct evaluation");

        // Warm-up (the check above ran the pipeline once), then interleaved rounds.
        national.RunParse(parallelism);
        national.RunParse(1);
        var perfEval = new Timing[NationalRounds];
        var full = new Timing[NationalRounds];
        var parse = new Timing[NationalRounds];
        var parseOne = new Timing[NationalRounds];
        var pauses = new double[NationalRounds];
        for (var r = 0; r < NationalRounds; r++)
        {
            var pause0 = GC.GetTotalPauseDuration();
            perfEval[r] = Once(() => national.RunPerfEval(Stream.Null), programmes);
            pauses[r] = (GC.GetTotalPauseDuration() - pause0).TotalNanoseconds / programmes;
            parse[r] = Once(() => national.RunParse(parallelism), programmes);
            parseOne[r] = Once(() => national.RunParse(1), programmes);
            if (r == 0)
            {
                full[0] = Once(() => national.RunPerfEval(Stream.Null, summary: false), programmes);
            }
        }

        var (p, f, s, s1) = (Median(perfEval), full[0], Median(parse), Median(parseOne));
        o.WriteLine($"programmes/s national perfeval = {F0(1e9 / p.Nanoseconds)} (summary lines)");
        o.WriteLine($"programmes/s national perfeval-full = {F0(1e9 / f.Nanoseconds)} (full results, compact; one round)");
        o.WriteLine($"programmes/s national parse = {F0(1e9 / s.Nanoseconds)} ({parallelism} threads)");
        o.WriteLine($"programmes/s national parse-1-thread = {F0(1e9 / s1.Nanoseconds)}");
        o.WriteLine($"s national perfeval for {programmes} programmes = {F(p.Nanoseconds * programmes / 1e9)}; for 20000 = {F(p.Nanoseconds * 20000 / 1e9)}");
        o.WriteLine($"s national parse for {programmes} programmes = {F(s.Nanoseconds * programmes / 1e9)} ({parallelism} threads), {F(s1.Nanoseconds * programmes / 1e9)} (1 thread)");
        o.WriteLine($"us national perfeval cpu per programme = {F(p.Cpu / 1000)} (all threads, GC and JIT included); GC pauses {F(Median(pauses) / 1000)} us per programme");
        o.WriteLine($"bytes national perfeval per programme = {F0(p.Bytes)}; parse {F0(s.Bytes)}");
        Ratio(o, "national", "perfeval/parse", p, s, $"(both on {parallelism} threads)");
        Ratio(o, "national", "perfeval/parse-1-thread", p, s1);
        Ratio(o, "national", "perfeval-full/perfeval", f, p, "(full results against summary lines)");

        // Where the time goes: each step alone, one thread.
        var sample = Math.Min(programmes, StageSample);
        o.WriteLine();
        o.WriteLine($"== national-stages: each step alone on one thread, the first {sample} programmes, CPU time and bytes per programme");
        var stages = national.Stages(sample);
        var pipeline = stages.Where(st => !st.Name.StartsWith("floor", StringComparison.Ordinal) && !st.Name.StartsWith("evaluate again", StringComparison.Ordinal) && !st.Name.StartsWith("write the full", StringComparison.Ordinal)).Sum(st => st.CpuNanoseconds);
        foreach (var stage in stages)
        {
            o.WriteLine($"stage national {stage.Name} = {F(stage.CpuNanoseconds / 1000)} us, {F0(stage.Bytes)} bytes{(stage.Name.StartsWith("floor", StringComparison.Ordinal) || stage.Name.StartsWith("evaluate again", StringComparison.Ordinal) || stage.Name.StartsWith("write the full", StringComparison.Ordinal) ? string.Empty : $" ({F(100 * stage.CpuNanoseconds / pipeline)}% of the summary pipeline's steps)")}");
        }

        o.WriteLine($"us national-stages summary pipeline's steps in all = {F(pipeline / 1000)} per programme on one thread, so {F(pipeline * 20000 / parallelism / 1e9)} s for 20000 on {parallelism} threads at best");

        // Peak memory, each size in a fresh process.
        o.WriteLine();
        var small = Math.Max(1, programmes / 4);
        o.WriteLine($"== national-memory: peak memory of the pipeline over {small} and {programmes} programmes, each in a fresh process");
        var smallFile = NationalInput.TempFile(small);
        var peaks = new[] { NationalMemory.Measure(smallFile), NationalMemory.Measure(national.File) };
        foreach (var peak in peaks)
        {
            o.WriteLine($"memory national {peak.Programmes} programmes: peak working set = {F(peak.WorkingSetMegabytes)} MB, GC heap at most {F(peak.HeapMegabytes)} MB, committed at most {F(peak.CommittedMegabytes)} MB, {peak.Gen2Collections} gen-2 collections, {F(peak.Seconds)} s");
        }

        var growth = peaks[1].WorkingSetMegabytes / peaks[0].WorkingSetMegabytes;
        o.WriteLine($"ratio national-memory peak {peaks[1].Programmes}/{peaks[0].Programmes} = {F(growth)} (1.00 is flat)");

        var seconds20k = p.Nanoseconds * 20000 / 1e9;
        var cpuSeconds20k = p.Cpu * 20000 / 1e9 / parallelism;
        results.National.Add(($"20000 seed-sized programmes in about {NationalGoalSeconds} s on {parallelism} cores: {F(seconds20k)} s measured{(programmes == 20000 ? string.Empty : " (extrapolated)")}, {F(cpuSeconds20k)} s of CPU time per core", seconds20k <= NationalGoalSeconds * 1.1));
        results.National.Add(($"peak memory at most {NationalMemoryGoalMegabytes} MB and flat in the number of programmes: {F(peaks[1].WorkingSetMegabytes)} MB at {peaks[1].Programmes}, {F(growth)}x the peak at {peaks[0].Programmes}", peaks[1].WorkingSetMegabytes <= NationalMemoryGoalMegabytes && growth <= 1.25));
    }
}
