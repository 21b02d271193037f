using BenchmarkDotNet.Attributes;
using PerfEval.Benchmarks.Data;

namespace PerfEval.Benchmarks;

/// <summary>
/// The national scenario under BenchmarkDotNet: <see cref="NationalInput.Programmes"/> distinct seed-sized programmes
/// (20,000; <c>PERFEVAL_NATIONAL=2000</c> for a quicker run) as JSON Lines, read, evaluated on every processor in
/// input order and written as summary lines, against a JsonDocument parse of each line of the same file. Times are
/// for the whole file (divide by the number of programmes). [GlobalSetup] checks that every programme is read without errors, comes out
/// once and in order, and that sampled summary lines give the figures of a direct evaluation.
/// </summary>
[MemoryDiagnoser]
public class NationalBenchmarks
{
    private static readonly int Programmes = NationalInput.Programmes;

    private NationalScenario _national = null!;

    [GlobalSetup]
    public void Setup()
    {
        _national = new NationalScenario(Programmes);
        Checks.Require(_national.Check(sample: 50));
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse of each line, every processor")]
    public int Parse() => _national.RunParse(NationalScenario.Parallelism);

    [Benchmark(Description = "JsonDocument.Parse of each line, one thread")]
    public int ParseOneThread() => _national.RunParse(1);

    [Benchmark(Description = "PerfEval: read, evaluate, summary lines, in order")]
    public int PerfEvalSummary() => _national.RunPerfEval(Stream.Null);

    [Benchmark(Description = "PerfEval: read, evaluate, full results, in order")]
    public int PerfEvalFull() => _national.RunPerfEval(Stream.Null, summary: false);
}
