using BenchmarkDotNet.Attributes;
using PerfEval.Evaluation;

namespace PerfEval.Benchmarks;

/// <summary>
/// Scenario 1: one evaluation of the seed example (47 indicators), already loaded. The hand-written C# evaluator
/// is the floor (baseline); PerfEval and RulesEngine used the obvious way run beside it on the same programme.
/// [GlobalSetup] checks that all three give 95.23 and the same figures for every indicator.
/// </summary>
[MemoryDiagnoser]
public class SeedBenchmarks
{
    private SeedScenario _seed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seed = new SeedScenario();
        Checks.Require(_seed.Check());
    }

    [Benchmark(Baseline = true, Description = "Hand-written C# (floor)")]
    public EvaluationResult HandWritten() => _seed.HandWritten.Evaluate(_seed.Programme);

    [Benchmark(Description = "PerfEval")]
    public EvaluationResult PerfEvalEvaluate() => _seed.PerfEval.Evaluate(_seed.Programme);

    [Benchmark(Description = "RulesEngine, obvious way")]
    public EvaluationResult RulesEngineObvious() => _seed.RulesEngine.Evaluate(_seed.Programme.Actuals);
}
