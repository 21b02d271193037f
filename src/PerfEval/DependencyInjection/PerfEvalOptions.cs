using PerfEval.Scoring;

namespace PerfEval.DependencyInjection;

/// <summary>Options for the evaluator registered by <see cref="PerfEvalServiceCollectionExtensions.AddPerfEval"/>.</summary>
public sealed class PerfEvalOptions
{
    /// <summary>The scoring policy; <see cref="ScoringPolicy.Mof2020"/> by default.</summary>
    public ScoringPolicy Policy { get; set; } = ScoringPolicy.Mof2020;
}
