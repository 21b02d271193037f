using BenchmarkDotNet.Running;
using PerfEval.Benchmarks;

// --quick: the side-by-side scenarios in about a minute; --profile <scenario> [seconds]: PerfEval alone in a loop,
// for a profiler. Anything else goes to BenchmarkDotNet.
if (args.Contains("--quick"))
{
    return QuickMode.Run(Console.Out);
}

if (args.Contains("--profile"))
{
    return ProfileLoop.Run(args, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(SeedBenchmarks).Assembly).Run(args);
return 0;
