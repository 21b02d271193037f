using BenchmarkDotNet.Attributes;
using PerfEval.Benchmarks.Baselines;
using PerfEval.Loading;

namespace PerfEval.Benchmarks;

/// <summary>
/// Scenario 4: loading alone, the seed example's two documents from memory. PerfEval reads and validates them
/// (the structure against rules/schema, then source locations, notations, semantic checks); the baseline is plain
/// JsonSerializer.Deserialize into DTOs (reflection metadata), shown beside the same with source-generated metadata.
/// The hand-written mapping of those DTOs onto PerfEval's records is shown for reference.
/// </summary>
[MemoryDiagnoser]
public class LoadingBenchmarks
{
    private SeedScenario _seed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _seed = new SeedScenario();
        var (set, actuals) = PerfEvalRead();
        if (set.Indicators.Length != 47 || actuals.Indicators.Length != 47 || Deserialize().Set.Indicators.Count != 47 || DeserializeGenerated().Actuals.Indicators.Count != 47)
        {
            throw new InvalidOperationException("The seed example should have 47 indicators.");
        }
    }

    [Benchmark(Baseline = true, Description = "JsonSerializer.Deserialize into DTOs")]
    public (IndicatorSetDto Set, ActualsDto Actuals) Deserialize() => (Dto.ReadIndicatorSet(_seed.IndicatorsJson), Dto.ReadActuals(_seed.ActualsJson));

    [Benchmark(Description = "JsonSerializer.Deserialize into DTOs, source-generated")]
    public (IndicatorSetDto Set, ActualsDto Actuals) DeserializeGenerated() => (Dto.ReadIndicatorSetGenerated(_seed.IndicatorsJson), Dto.ReadActualsGenerated(_seed.ActualsJson));

    [Benchmark(Description = "PerfEval: ReadIndicatorSet + ReadActuals")]
    public (Indicators.IndicatorSet Set, Actuals.ProgrammeActuals Actuals) PerfEvalRead() =>
        (PerfEvalJson.ReadIndicatorSet(_seed.IndicatorsJson).GetValueOrThrow(), PerfEvalJson.ReadActuals(_seed.ActualsJson).GetValueOrThrow());

    [Benchmark(Description = "Hand-written: DTOs mapped onto PerfEval's records")]
    public Programme HandWrittenRead() => HandWrittenLoader.Read(_seed.IndicatorsJson, _seed.ActualsJson);
}
