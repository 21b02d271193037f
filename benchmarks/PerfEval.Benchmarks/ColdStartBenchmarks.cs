using BenchmarkDotNet.Attributes;
using PerfEval.Benchmarks.Baselines;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Benchmarks;

/// <summary>
/// Scenario 3: cold start of the seed example from its files. PerfEval reads, validates and prepares the
/// programme folder and evaluates it once (a fresh indicator-set instance each time, so nothing prepared is
/// reused); the baseline only reads both files and parses them with JsonDocument. The hand-written path
/// (System.Text.Json DTOs + the hand-written evaluator) is shown for reference.
/// </summary>
[MemoryDiagnoser]
public class ColdStartBenchmarks
{
    private SeedScenario _seed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seed = new SeedScenario();
        Checks.Require(_seed.Check());
        if (PerfEvalColdStart().TotalScore != SeedScenario.ExpectedTotal || HandWrittenColdStart().TotalScore != SeedScenario.ExpectedTotal)
        {
            throw new InvalidOperationException("Cold start does not give 95.23.");
        }
    }

    [Benchmark(Baseline = true, Description = "File.ReadAllText + JsonDocument.Parse")]
    public int ReadAndParse() => SeedFiles.ReadAndParse(_seed.IndicatorsPath, _seed.ActualsPath);

    [Benchmark(Description = "PerfEval: ReadProgrammeFolder + first Evaluate")]
    public EvaluationResult PerfEvalColdStart() => _seed.PerfEval.Evaluate(PerfEvalJson.ReadProgrammeFolder(_seed.Folder).GetValueOrThrow());

    [Benchmark(Description = "Hand-written: files + DTOs + evaluate")]
    public EvaluationResult HandWrittenColdStart() =>
        _seed.HandWritten.Evaluate(HandWrittenLoader.Read(File.ReadAllText(_seed.IndicatorsPath), File.ReadAllText(_seed.ActualsPath)));
}
