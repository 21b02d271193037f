using BenchmarkDotNet.Attributes;

namespace PerfEval.Benchmarks;

/// <summary>
/// Scenario 2: a batch of 10,000 generated programmes of 30 indicators, end to end from JSON text to results, on
/// as many threads as there are processors. Times are per programme (OperationsPerInvoke). RulesEngine the
/// obvious way (a workflow per programme, compiled and executed) is timed on the first 100 programmes only.
/// [GlobalSetup] checks on a sample that PerfEval reads every document without errors and that the three agree.
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    public const int Programmes = 10_000;
    public const int RulesEngineSample = 100;

    private BatchScenario _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _batch = new BatchScenario(Programmes);
        Checks.Require(_batch.Check(sample: 100, rulesEngineSample: 100).Problems);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Programmes, Description = "Hand-written: System.Text.Json DTOs + C#")]
    public decimal HandWritten() => _batch.RunHandWritten(Programmes);

    [Benchmark(OperationsPerInvoke = Programmes, Description = "PerfEval batch API (FromJson)")]
    public decimal PerfEvalBatch() => _batch.RunPerfEval(Programmes);

    [Benchmark(OperationsPerInvoke = RulesEngineSample, Description = "RulesEngine, workflow per programme (100 sampled)")]
    public decimal RulesEngineObvious() => _batch.RunRulesEngine(RulesEngineSample);
}
