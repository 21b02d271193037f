using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using PerfEval.Benchmarks.Baselines;
using PerfEval.Benchmarks.Data;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Benchmarks;

/// <summary>
/// <c>--quick</c>: the side-by-side scenarios in about a minute, with Stopwatch loops (warm-up, then several
/// timed rounds, the median) instead of BenchmarkDotNet. Prints one <c>ratio …</c> line per comparison,
/// <c>bytes …</c> lines from the GC's allocation counters, and absolute figures.
/// </summary>
internal static partial class QuickMode
{
    private const int Rounds = 11;
    private const int BatchRounds = 3;
    private const int RulesEngineSample = 50;
    private const int PrepSample = 200;

    private static object? _sink;
    private static int _failedChecks;

    /// <summary>Per operation: Stopwatch nanoseconds (median round), bytes allocated, and CPU nanoseconds (median round; 0 where not measured).</summary>
    private readonly record struct Timing(double Nanoseconds, double Bytes, double Cpu);

    /// <param name="o">Where the figures go.</param>
    /// <param name="only">One scenario (seed, batch, coldstart, loading, national), or null for all.</param>
    /// <param name="nationalProgrammes">The national scenario's size (20,000 by default).</param>
    public static int Run(TextWriter o, string? only = null, int nationalProgrammes = Data.NationalInput.DefaultProgrammes)
    {
        var clock = Stopwatch.StartNew();
        o.WriteLine($"# PerfEval quick benchmarks: .NET {Environment.Version}, {Environment.ProcessorCount} processors, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {Stopwatch.Frequency / 1_000_000} MHz timer");
        o.WriteLine($"# load average {LoadAverage()}; CPU-time cross-checks {(CpuClock.Available ? "on" : "off")}");
        o.WriteLine($"# {Rounds} timed rounds per contender after a warm-up, interleaved across contenders, median (batch: {BatchRounds} rounds); bytes from GC allocation counters.");

        // Before anything else has run: what the first programme costs a fresh process (JIT, static tables).
        var folder = Testing.Repository.SeedExample();
        var start = Stopwatch.GetTimestamp();
        var first = new Evaluator().Evaluate(PerfEvalJson.ReadProgrammeFolder(folder).GetValueOrThrow());
        var firstPerfEval = Stopwatch.GetElapsedTime(start);
        start = Stopwatch.GetTimestamp();
        var firstHand = new HandWrittenEvaluator().Evaluate(HandWrittenLoader.Read(
            File.ReadAllText(Path.Combine(folder, PerfEvalJson.IndicatorSetFileName)), File.ReadAllText(Path.Combine(folder, PerfEvalJson.ActualsFileName))));
        var firstHandWritten = Stopwatch.GetElapsedTime(start);
        if (first.TotalScore != SeedScenario.ExpectedTotal || firstHand.TotalScore != SeedScenario.ExpectedTotal)
        {
            throw new InvalidOperationException("The seed example does not give 95.23.");
        }

        o.WriteLine();
        o.WriteLine("== first call in a fresh process (JIT and static set-up included; reported, not compared)");
        o.WriteLine($"ms first-call perfeval = {F(firstPerfEval.TotalMilliseconds)}");
        o.WriteLine($"ms first-call handwritten = {F(firstHandWritten.TotalMilliseconds)}");

        var results = new Results();
        bool Runs(string scenario) => only is null || only == scenario;
        if (Runs("seed"))
        {
            Seed(o, results);
        }

        if (Runs("batch"))
        {
            Batch(o, results);
        }

        if (Runs("coldstart"))
        {
            ColdStart(o, results);
        }

        if (Runs("loading"))
        {
            Loading(o, results);
        }

        if (Runs("national"))
        {
            National(o, results, nationalProgrammes);
        }

        Targets(o, results);
        o.WriteLine();
        if (_failedChecks > 0)
        {
            o.WriteLine($"check FAILED: {_failedChecks} difference(s) between PerfEval and its baselines (see above)");
        }

        o.WriteLine($"# quick mode took {F(clock.Elapsed.TotalSeconds)} s");
        return _failedChecks > 0 ? 1 : 0;
    }

    private sealed class Results
    {
        public double SeedRatio;
        public double SeedBytes;
        public double BatchRulesEngineRatio;
        public double BatchBytes;
        public double LoadedRatio;
        public double LoadedBytes;
        public double PrepMicroseconds;
        public double PrepShare;
        public double LoadingRatio;
        public double BatchRatio;
        public double BatchCpuRatio;
        public List<(string Text, bool Met)> National { get; } = [];
    }

    // ---- scenario 1 ----

    private static void Seed(TextWriter o, Results results)
    {
        var seed = new SeedScenario();
        var n = seed.IndicatorCount;
        o.WriteLine();
        o.WriteLine($"== seed: one evaluation of the seed example ({n} indicators), already loaded; PerfEval gives {seed.PerfEval.Evaluate(seed.Programme).TotalScore}");
        Report(o, "seed", seed.Check(), "PerfEval, the hand-written floor and RulesEngine give 95.23 and the same figures for every indicator");
        var t = Compare(
            () => seed.HandWritten.Evaluate(seed.Programme),
            () => seed.PerfEval.Evaluate(seed.Programme),
            () => seed.RulesEngine.Evaluate(seed.Programme.Actuals));
        var (hand, perfEval, rulesEngine) = (t[0], t[1], t[2]);
        PerIndicator(o, "seed", n, ("handwritten", hand), ("perfeval", perfEval), ("rulesengine", rulesEngine));
        o.WriteLine($"us seed perfeval per evaluation = {F(perfEval.Nanoseconds / 1000)}");
        Ratio(o, "seed", "perfeval/handwritten", perfEval, hand);
        Ratio(o, "seed", "rulesengine/perfeval", rulesEngine, perfEval);
        results.SeedRatio = perfEval.Nanoseconds / hand.Nanoseconds;
        results.SeedBytes = perfEval.Bytes / n;
    }

    // ---- scenario 2 ----

    private static void Batch(TextWriter o, Results results)
    {
        const int programmes = BatchBenchmarks.Programmes;
        var clock = Stopwatch.StartNew();
        var batch = new BatchScenario(programmes);
        var generated = clock.Elapsed;
        var (warnings, sampled, mix, problems) = batch.Check(sample: 100, rulesEngineSample: 25);
        var n = BatchScenario.Indicators;
        var chars = 0L;
        foreach (var p in batch.Programmes)
        {
            chars += p.IndicatorsJson.Length + p.ActualsJson.Length;
        }

        o.WriteLine();
        o.WriteLine($"== batch: {programmes} generated programmes x {n} indicators ({ProgrammeGenerator.ShapeCount} shapes, {chars / programmes} characters of JSON each), JSON text to results on {BatchScenario.Parallelism} threads");
        o.WriteLine($"# generated in {F(generated.TotalSeconds)} s; {sampled} sampled programmes read by PerfEval without errors ({warnings} read warnings)");
        o.WriteLine($"# indicators of the sample: {mix}");
        Report(o, "batch", problems, $"on {sampled} sampled programmes PerfEval, its batch API and the hand-written floor give the same figures (RulesEngine too on 25 of them)");

        // Warm-up on a slice, then full rounds.
        batch.RunPerfEval(1000);
        batch.RunHandWritten(1000);
        batch.RunRulesEngine(10);
        var (hand, perfEval) = TimeParallel(() => batch.RunHandWritten(programmes), () => batch.RunPerfEval(programmes), programmes, BatchRounds);
        var rulesEngine = TimeParallel(() => batch.RunRulesEngine(RulesEngineSample), RulesEngineSample, rounds: 2);
        o.WriteLine($"programmes/s batch handwritten = {F0(1e9 / hand.Nanoseconds)}");
        o.WriteLine($"programmes/s batch perfeval = {F0(1e9 / perfEval.Nanoseconds)}");
        o.WriteLine($"programmes/s batch rulesengine = {F0(1e9 / rulesEngine.Nanoseconds)} (timed on the first {RulesEngineSample} programmes, 2 rounds)");
        PerIndicator(o, "batch", n, ("handwritten", hand), ("perfeval", perfEval), ("rulesengine", rulesEngine));
        Ratio(o, "batch", "perfeval/handwritten", perfEval, hand);
        Ratio(o, "batch", "rulesengine/perfeval", rulesEngine, perfEval);
        results.BatchRulesEngineRatio = rulesEngine.Nanoseconds / perfEval.Nanoseconds;
        results.BatchRatio = perfEval.Nanoseconds / hand.Nanoseconds;
        results.BatchCpuRatio = perfEval.Cpu > 0 && hand.Cpu > 0 ? perfEval.Cpu / hand.Cpu : results.BatchRatio;
        results.BatchBytes = perfEval.Bytes / n;

        // The evaluation alone, on generated programmes already loaded (one thread).
        var loaded = new List<(Programme PerfEval, Programme Hand)>(PrepSample);
        for (var i = 0; i < PrepSample; i++)
        {
            var p = batch.Programmes[i * (programmes / PrepSample)];
            var perfEvalProgramme = new Programme(PerfEvalJson.ReadIndicatorSet(p.IndicatorsJson).GetValueOrThrow(), PerfEvalJson.ReadActuals(p.ActualsJson).GetValueOrThrow());
            loaded.Add((perfEvalProgramme, HandWrittenLoader.Read(p.IndicatorsJson, p.ActualsJson)));
        }

        var handCursor = 0;
        var perfEvalCursor = 0;
        var l = Compare(
            () => batch.HandWritten.Evaluate(loaded[handCursor++ % loaded.Count].Hand),
            () => batch.PerfEval.Evaluate(loaded[perfEvalCursor++ % loaded.Count].PerfEval));
        var (handLoaded, perfEvalLoaded) = (l[0], l[1]);
        o.WriteLine();
        o.WriteLine($"== batch-loaded: evaluation alone of {PrepSample} of those programmes, already loaded, one thread");
        PerIndicator(o, "batch-loaded", n, ("handwritten", handLoaded), ("perfeval", perfEvalLoaded));
        Ratio(o, "batch-loaded", "perfeval/handwritten", perfEvalLoaded, handLoaded);
        results.LoadedRatio = perfEvalLoaded.Nanoseconds / handLoaded.Nanoseconds;
        results.LoadedBytes = perfEvalLoaded.Bytes / n;

        // Preparation: the first evaluation of a fresh set instance (a copy of a loaded set, so nothing prepared is
        // reused) minus a second evaluation of it. Every shape has been seen thousands of times by now.
        var firsts = new double[Rounds];
        var seconds = new double[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            var copies = new Programme[loaded.Count];
            for (var i = 0; i < copies.Length; i++)
            {
                copies[i] = new Programme(loaded[i].PerfEval.IndicatorSet with { }, loaded[i].PerfEval.Actuals);
            }

            var t0 = Stopwatch.GetTimestamp();
            foreach (var c in copies)
            {
                _sink = batch.PerfEval.Evaluate(c);
            }

            var t1 = Stopwatch.GetTimestamp();
            foreach (var c in copies)
            {
                _sink = batch.PerfEval.Evaluate(c);
            }

            var t2 = Stopwatch.GetTimestamp();
            firsts[r] = Stopwatch.GetElapsedTime(t0, t1).TotalNanoseconds / copies.Length;
            seconds[r] = Stopwatch.GetElapsedTime(t1, t2).TotalNanoseconds / copies.Length;
        }

        var prep = Math.Max(0, Median(firsts) - Median(seconds));
        o.WriteLine($"us prep perfeval per programme = {F(prep / 1000)} (first evaluation of a fresh set instance minus the second; shape already seen)");
        o.WriteLine($"ms prep perfeval for {programmes} programmes sharing {ProgrammeGenerator.ShapeCount} shapes = {F(prep * programmes / 1e6)} (one fresh set instance per programme)");
        results.PrepMicroseconds = prep / 1000;
        results.PrepShare = prep / Median(seconds);
    }

    // ---- scenario 3 ----

    private static void ColdStart(TextWriter o, Results results)
    {
        var seed = new SeedScenario();
        var n = seed.IndicatorCount;
        var t = Compare(
            () => SeedFiles.ReadAndParse(seed.IndicatorsPath, seed.ActualsPath),
            () => seed.PerfEval.Evaluate(PerfEvalJson.ReadProgrammeFolder(seed.Folder).GetValueOrThrow()),
            () => seed.HandWritten.Evaluate(HandWrittenLoader.Read(File.ReadAllText(seed.IndicatorsPath), File.ReadAllText(seed.ActualsPath))));
        var (baseline, perfEval, hand) = (t[0], t[1], t[2]);
        o.WriteLine();
        o.WriteLine("== coldstart: the seed example from its files: read, validate, prepare, first evaluation of a fresh set instance");
        o.WriteLine("# baseline (\"handwritten\" in the ratio): File.ReadAllText of both files + JsonDocument.Parse");
        PerIndicator(o, "coldstart", n, ("handwritten", baseline), ("perfeval", perfEval), ("dto-evaluate", hand));
        o.WriteLine($"us coldstart perfeval per programme = {F(perfEval.Nanoseconds / 1000)}");
        Ratio(o, "coldstart", "perfeval/handwritten", perfEval, baseline);
        Ratio(o, "coldstart", "perfeval/dto-evaluate", perfEval, hand, "(System.Text.Json DTOs + the hand-written evaluator)");
    }

    // ---- scenario 4 ----

    private static void Loading(TextWriter o, Results results)
    {
        var seed = new SeedScenario();
        var n = seed.IndicatorCount;
        var t = Compare(
            () => (Dto.ReadIndicatorSet(seed.IndicatorsJson), Dto.ReadActuals(seed.ActualsJson)),
            () => (PerfEvalJson.ReadIndicatorSet(seed.IndicatorsJson).GetValueOrThrow(), PerfEvalJson.ReadActuals(seed.ActualsJson).GetValueOrThrow()),
            () => HandWrittenLoader.Read(seed.IndicatorsJson, seed.ActualsJson));
        var (baseline, perfEval, mapped) = (t[0], t[1], t[2]);
        o.WriteLine();
        o.WriteLine("== loading: the seed example's two documents from memory");
        o.WriteLine("# baseline (\"handwritten\" in the ratio): JsonSerializer.Deserialize into DTOs");
        PerIndicator(o, "loading", n, ("handwritten", baseline), ("perfeval", perfEval), ("dto-mapped", mapped));
        o.WriteLine($"us loading perfeval per programme = {F(perfEval.Nanoseconds / 1000)}");
        Ratio(o, "loading", "perfeval/handwritten", perfEval, baseline);
        Ratio(o, "loading", "perfeval/dto-mapped", perfEval, mapped, "(DTOs mapped onto PerfEval's records)");
        results.LoadingRatio = perfEval.Nanoseconds / baseline.Nanoseconds;
    }

    // ---- targets ----

    private static void Targets(TextWriter o, Results r)
    {
        o.WriteLine();
        o.WriteLine("== targets");
        if (r.SeedRatio > 0 && r.LoadedRatio > 0)
        {
            Target(o, $"steady-state evaluation within 3x the hand-written floor per indicator: seed {F(r.SeedRatio)}x, batch-loaded {F(r.LoadedRatio)}x", r.SeedRatio <= 3 && r.LoadedRatio <= 3);
            Target(o, $"at most 256 bytes per evaluated indicator: seed {F0(r.SeedBytes)}, batch-loaded {F0(r.LoadedBytes)} (batch end to end, with reading: {F0(r.BatchBytes)})", r.SeedBytes <= 256 && r.LoadedBytes <= 256);
        }

        if (r.BatchRatio > 0)
        {
            Target(o, $"at least 20x faster than RulesEngine the obvious way on the batch: {F(r.BatchRulesEngineRatio)}x", r.BatchRulesEngineRatio >= 20);
            Target(o, $"the batch, JSON text to results, within 2x the hand-written code: {F(r.BatchRatio)}x in time, {F(r.BatchCpuRatio)}x in CPU time", r.BatchRatio <= 2 && r.BatchCpuRatio <= 2);
            Target(o, $"preparation that does not grow with programmes sharing rule shapes: {F(r.PrepMicroseconds)} us per fresh set instance of a known shape ({F(r.PrepShare * 100)}% of a steady evaluation)", r.PrepShare <= 0.05);
        }

        if (r.LoadingRatio > 0)
        {
            Target(o, $"loading with validation within 2x plain deserialization: {F(r.LoadingRatio)}x", r.LoadingRatio <= 2);
        }

        foreach (var (text, met) in r.National)
        {
            Target(o, text, met);
        }
    }

    /// <summary>Prints whether the contenders agreed; timing goes on either way, but the run ends with exit code 1.</summary>
    private static void Report(TextWriter o, string scenario, List<string> problems, string claim)
    {
        if (problems.Count == 0)
        {
            o.WriteLine($"check ok {scenario}: {claim}");
            return;
        }

        _failedChecks += problems.Count;
        o.WriteLine($"check FAILED {scenario}: {problems.Count} difference(s); the figures below compare contenders that do not agree");
        foreach (var problem in problems.Take(5))
        {
            o.WriteLine("  " + problem.Replace("\n", "\n  ", StringComparison.Ordinal));
        }
    }

    private static void Target(TextWriter o, string text, bool met) => o.WriteLine($"target {(met ? "met" : "NOT met")}: {text}");

    // ---- measuring ----

    private static void PerIndicator(TextWriter o, string scenario, int indicators, params (string Name, Timing Timing)[] contenders)
    {
        foreach (var (name, t) in contenders)
        {
            o.WriteLine($"ns {scenario} {name} per indicator = {F0(t.Nanoseconds / indicators)}");
        }

        foreach (var (name, t) in contenders)
        {
            o.WriteLine($"bytes {scenario} {name} per indicator = {F0(t.Bytes / indicators)}");
        }
    }

    /// <summary>The ratio line (Stopwatch medians) and, where CPU clocks exist, the same ratio in CPU time.</summary>
    private static void Ratio(TextWriter o, string scenario, string label, Timing numerator, Timing denominator, string note = "")
    {
        o.WriteLine($"ratio {scenario} {label} = {F(numerator.Nanoseconds / denominator.Nanoseconds)}{(note.Length > 0 ? " " + note : string.Empty)}");
        if (numerator.Cpu > 0 && denominator.Cpu > 0)
        {
            o.WriteLine($"cpu {scenario} {label} = {F(numerator.Cpu / denominator.Cpu)} (the same ratio in CPU time)");
        }
    }

    /// <summary>
    /// One thread: warm every contender up (so the JIT has settled before anything is timed), size a round to
    /// ~80 ms each, then run the rounds interleaved (A, B, C, A, B, C…) so that noise from other processes falls on
    /// all contenders alike; the median round of each.
    /// </summary>
    private static Timing[] Compare(params Func<object?>[] operations)
    {
        var iterations = new long[operations.Length];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var c = 0; c < operations.Length; c++)
            {
                // Until the JIT has settled: no method compiled for 300 ms (on a loaded machine the tiered compiler's
                // thread waits its turn, and code still at tier 0 would be timed), at most 20 s.
                var warm = Stopwatch.StartNew();
                var settled = Stopwatch.StartNew();
                var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
                var calls = 0L;
                while (calls < 5 || warm.Elapsed.TotalMilliseconds < 200 || (settled.Elapsed.TotalMilliseconds < 300 && warm.Elapsed.TotalSeconds < 20))
                {
                    _sink = operations[c]();
                    calls++;
                    if (System.Runtime.JitInfo.GetCompiledMethodCount() is var now && now != compiled)
                    {
                        compiled = now;
                        settled.Restart();
                    }
                }

                // The round is sized from the speed once settled.
                var sizing = Stopwatch.StartNew();
                var sized = 0L;
                while (sized < 5 || sizing.Elapsed.TotalMilliseconds < 100)
                {
                    _sink = operations[c]();
                    sized++;
                }

                iterations[c] = Math.Max(1, (long)(0.08 / (sizing.Elapsed.TotalSeconds / sized)));
            }
        }

        var ns = new double[operations.Length][];
        var bytes = new double[operations.Length][];
        var cpu = new double[operations.Length][];
        for (var c = 0; c < operations.Length; c++)
        {
            ns[c] = new double[Rounds];
            bytes[c] = new double[Rounds];
            cpu[c] = new double[Rounds];
        }

        for (var r = 0; r < Rounds; r++)
        {
            for (var c = 0; c < operations.Length; c++)
            {
                var operation = operations[c];
                var n = iterations[c];
                var b0 = GC.GetAllocatedBytesForCurrentThread();
                var c0 = CpuClock.Thread();
                var t0 = Stopwatch.GetTimestamp();
                for (var i = 0L; i < n; i++)
                {
                    _sink = operation();
                }

                var elapsed = Stopwatch.GetElapsedTime(t0);
                var c1 = CpuClock.Thread();
                var b1 = GC.GetAllocatedBytesForCurrentThread();
                ns[c][r] = elapsed.TotalNanoseconds / n;
                cpu[c][r] = (c1 - c0) / n;
                bytes[c][r] = (double)(b1 - b0) / n;
            }
        }

        var timings = new Timing[operations.Length];
        for (var c = 0; c < operations.Length; c++)
        {
            timings[c] = new Timing(Median(ns[c]), Median(bytes[c]), Median(cpu[c]));
        }

        return timings;
    }

    /// <summary>Several threads: each round runs the whole operation once; bytes from the process-wide counter.</summary>
    private static Timing TimeParallel(Func<decimal> operation, int operations, int rounds)
    {
        var timings = new Timing[rounds];
        for (var r = 0; r < rounds; r++)
        {
            timings[r] = Once(operation, operations);
        }

        return Median(timings);
    }

    /// <summary>Two contenders on several threads, rounds interleaved (A, B, A, B…).</summary>
    private static (Timing A, Timing B) TimeParallel(Func<decimal> a, Func<decimal> b, int operations, int rounds)
    {
        var timingsA = new Timing[rounds];
        var timingsB = new Timing[rounds];
        for (var r = 0; r < rounds; r++)
        {
            timingsA[r] = Once(a, operations);
            timingsB[r] = Once(b, operations);
        }

        return (Median(timingsA), Median(timingsB));
    }

    /// <summary>One run on several threads: wall-clock and process CPU time (all threads, GC included) per operation.</summary>
    private static Timing Once(Func<decimal> operation, int operations)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var b0 = GC.GetTotalAllocatedBytes(precise: true);
        var c0 = CpuClock.Process();
        var t0 = Stopwatch.GetTimestamp();
        _sink = operation();
        var elapsed = Stopwatch.GetElapsedTime(t0);
        var c1 = CpuClock.Process();
        var b1 = GC.GetTotalAllocatedBytes(precise: true);
        return new Timing(elapsed.TotalNanoseconds / operations, (double)(b1 - b0) / operations, (c1 - c0) / operations);
    }

    private static Timing Median(Timing[] rounds)
    {
        var ns = new double[rounds.Length];
        var bytes = new double[rounds.Length];
        var cpu = new double[rounds.Length];
        for (var r = 0; r < rounds.Length; r++)
        {
            (ns[r], bytes[r], cpu[r]) = (rounds[r].Nanoseconds, rounds[r].Bytes, rounds[r].Cpu);
        }

        return new Timing(Median(ns), Median(bytes), Median(cpu));
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string F0(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
