using BenchmarkDotNet.Running;
using PerfEval.Benchmarks;

// --quick [seed|batch|coldstart|loading…]: the side-by-side scenarios (all, or those named) in about a minute; --profile <scenario> [seconds]: PerfEval alone in a loop,
// for a profiler. Anything else goes to BenchmarkDotNet.
if (args.Contains("--quick"))
{
    return QuickMode.Run(Console.Out, [.. args.Where(a => !a.StartsWith("--", StringComparison.Ordinal))]);
}

if (args.Contains("--profile"))
{
    return ProfileLoop.Run(args, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(SeedBenchmarks).Assembly).Run(args);
return 0;
