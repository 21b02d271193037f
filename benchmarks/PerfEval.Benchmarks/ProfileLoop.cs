using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using PerfEval.Benchmarks.Data;
using PerfEval.Loading;

namespace PerfEval.Benchmarks;

/// <summary>
/// <c>--profile &lt;seed|loading|coldstart|batch|national|write-full|write-summary&gt; [seconds] [--allocations]</c>: runs only PerfEval's side of one
/// scenario in a loop, so that a profiler can watch it (for example <c>perf record -g</c> with
/// <c>DOTNET_PerfMapEnabled=1</c>, or <c>dotnet-trace collect</c>). With <c>--allocations</c> it also samples the
/// runtime's allocation ticks (one per ~100 KB allocated) and prints the types that take the most bytes.
/// </summary>
internal static class ProfileLoop
{
    private static object? _sink;

    public static int Run(string[] args, TextWriter o)
    {
        var at = Array.IndexOf(args, "--profile");
        var scenario = at + 1 < args.Length ? args[at + 1] : "seed";
        var seconds = at + 2 < args.Length && int.TryParse(args[at + 2], out var s) ? s : 20;
        var seed = new SeedScenario();
        Func<object?> operation = scenario switch
        {
            "seed" => () => seed.PerfEval.Evaluate(seed.Programme),
            "loading" => () => (PerfEvalJson.ReadIndicatorSet(seed.IndicatorsJson).Value, PerfEvalJson.ReadActuals(seed.ActualsJson).Value),
            "coldstart" => () => seed.PerfEval.Evaluate(PerfEvalJson.ReadProgrammeFolder(seed.Folder).GetValueOrThrow()),
            "batch" => BatchLoop(),
            "national" => NationalLoop(),
            "write-full" => WriteLoop(seed, summary: false),
            "write-summary" => WriteLoop(seed, summary: true),
            _ => throw new ArgumentException($"unknown scenario '{scenario}': seed, loading, coldstart, batch, national, write-full or write-summary"),
        };

        // Warm up first, so that start-up allocations do not count.
        for (var i = 0; i < 50; i++)
        {
            _sink = operation();
        }

        using var listener = args.Contains("--allocations") ? new AllocationListener() : null;
        var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2, pause0) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var clock = Stopwatch.StartNew();
        var calls = 0L;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            _sink = operation();
            calls++;
        }

        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes0;
        o.WriteLine($"{scenario}: {calls} calls in {clock.Elapsed.TotalSeconds:0.0} s, {clock.Elapsed.TotalMilliseconds * 1000 / calls:0.0} us and {bytes / calls} bytes per call");
        o.WriteLine($"collections: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2; paused {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds / clock.Elapsed.TotalMilliseconds:P1} of the time");
        listener?.Report(o, calls);
        var eph = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        o.WriteLine($"last ephemeral GC: gen {eph.Generation}, promoted {eph.PromotedBytes / 1024} KB, pause {eph.PauseDurations[0].TotalMilliseconds:0.000} ms, heap {eph.HeapSizeBytes / 1024} KB, fragmented {eph.FragmentedBytes / 1024} KB");
        return 0;
    }

    /// <summary>Counts the runtime's GCAllocationTick events by type (a sample: one event per ~100 KB allocated).</summary>
    private sealed class AllocationListener : EventListener
    {
        private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

        public void Report(TextWriter o, long calls)
        {
            var total = _bytes.Values.Sum();
            o.WriteLine($"allocation ticks by type (sampled bytes, share, estimated bytes per call):");
            foreach (var (type, sampled) in _bytes.OrderByDescending(p => p.Value).Take(25))
            {
                o.WriteLine($"  {100.0 * sampled / total,5:0.0}%  {sampled / calls,8} B/call  {type}");
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is { } name && name.StartsWith("GCAllocationTick", StringComparison.Ordinal) && eventData.Payload is { } payload && eventData.PayloadNames is { } names)
            {
                var type = names.IndexOf("TypeName") is >= 0 and var t ? payload[t]?.ToString() ?? "?" : "?";
                var amount = names.IndexOf("AllocationAmount64") is >= 0 and var a ? Convert.ToInt64(payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
                _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
            }
        }
    }

    /// <summary>The national pipeline over 1,000 seed-sized programmes from JSON Lines, summary lines to a null stream.</summary>
    private static Func<object?> NationalLoop()
    {
        var national = new NationalScenario(1000);
        return () => national.RunPerfEval(Stream.Null);
    }

    /// <summary>Writing the seed's result: the full result (compact) or its summary line.</summary>
    private static Func<object?> WriteLoop(SeedScenario seed, bool summary)
    {
        var item = new Batch.BatchItem { Index = 0, Name = "seed", Result = seed.PerfEval.Evaluate(seed.Programme) };
        return () => NationalScenario.Line(item, summary);
    }

    private static Func<object?> BatchLoop()
    {
        var batch = new BatchScenario(1000);
        return () => batch.RunPerfEval(1000);
    }
}
