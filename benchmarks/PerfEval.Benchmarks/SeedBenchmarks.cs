using BenchmarkDotNet.Attributes;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Benchmarks;

/// <summary>
/// The seed example (47 indicators): evaluating an already loaded programme (the baseline) against reading both
/// JSON files from memory and then evaluating, side by side in one run.
/// </summary>
[MemoryDiagnoser]
public class SeedBenchmarks
{
    private readonly Evaluator _evaluator = new();
    private Programme _programme = null!;
    private string _indicators = null!;
    private string _actuals = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Testing.Repository.SeedExample();
        _indicators = File.ReadAllText(Path.Combine(folder, PerfEvalJson.IndicatorSetFileName));
        _actuals = File.ReadAllText(Path.Combine(folder, PerfEvalJson.ActualsFileName));
        _programme = PerfEvalJson.ReadProgrammeFolder(folder).GetValueOrThrow();
        var check = _evaluator.Evaluate(_programme);
        if (check.TotalScore != 95.23m)
        {
            throw new InvalidOperationException($"The seed example evaluates to {check.TotalScore}, not 95.23.");
        }
    }

    [Benchmark(Baseline = true, Description = "Evaluate (loaded)")]
    public EvaluationResult Evaluate() => _evaluator.Evaluate(_programme);

    [Benchmark(Description = "Read JSON + evaluate")]
    public EvaluationResult ReadAndEvaluate()
    {
        var set = PerfEvalJson.ReadIndicatorSet(_indicators).GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(_actuals).GetValueOrThrow();
        return _evaluator.Evaluate(set, actuals);
    }

}
