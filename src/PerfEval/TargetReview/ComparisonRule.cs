using System.Collections.Immutable;
using PerfEval.Indicators;

namespace PerfEval.TargetReview;

/// <summary>The comparisons (指标性质) a checklist allows for some level-2 groups: a cost is a cap, a satisfaction rate a floor.</summary>
public sealed record ComparisonRule
{
    /// <summary>The level-2 groups the rule is for.</summary>
    public required ImmutableArray<Level2> Level2 { get; init; }

    /// <summary>The comparisons allowed for them.</summary>
    public required ImmutableArray<Comparison> Allowed { get; init; }
}
