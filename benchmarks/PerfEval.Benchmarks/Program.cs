using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PerfEval.Benchmarks.SeedBenchmarks).Assembly).Run(args);
