using System.Globalization;
using BenchmarkDotNet.Running;
using PerfEval.Benchmarks;
using PerfEval.Benchmarks.Data;

// --quick [--only SCENARIO] [--national N]: the side-by-side scenarios in a few minutes; --profile <scenario> [seconds]:
// PerfEval alone in a loop, for a profiler; --national-data FILE [N]: the national scenario's JSON Lines, for
// perfeval evaluate; --national-memory FILE: the pipeline once over FILE, printing its peak memory (quick mode runs it
// as a child process). Anything else goes to BenchmarkDotNet.
string? Value(string name) => Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? args[i + 1] : null;

if (args.Contains("--quick"))
{
    var national = Value("--national") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : NationalInput.Programmes;
    return QuickMode.Run(Console.Out, Value("--only"), national);
}

if (Value("--national-data") is { } dataFile)
{
    var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : NationalInput.DefaultProgrammes;
    var bytes = NationalInput.Write(dataFile, count);
    Console.WriteLine($"{dataFile}: {count} programmes, {bytes} bytes");
    return 0;
}

if (Value("--national-memory") is { } memoryFile)
{
    return NationalMemory.Run(memoryFile, Console.Out);
}

if (args.Contains("--profile"))
{
    return ProfileLoop.Run(args, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(SeedBenchmarks).Assembly).Run(args);
return 0;
