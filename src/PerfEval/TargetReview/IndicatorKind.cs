using System.Collections.Immutable;
using PerfEval.Indicators;

namespace PerfEval.TargetReview;

/// <summary>A kind of indicator a programme type must have: a level-1 group, or any one of some level-2 groups.</summary>
public sealed record IndicatorKind
{
    /// <summary>The level-1 group that meets the kind, when the kind is a level-1 group (效益指标).</summary>
    public Level1? Level1 { get; init; }

    /// <summary>The level-2 groups any one of which meets the kind (成本指标 or 经济成本指标 …).</summary>
    public ImmutableArray<Level2> Level2 { get; init; } = [];

    /// <summary>Whether an indicator is of this kind.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>True when its level-1 group is <see cref="Level1"/> or its level-2 group is one of <see cref="Level2"/>.</returns>
    public bool Includes(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return (Level1 is { } l1 && indicator.Level1 == l1) || (!Level2.IsDefault && Level2.Contains(indicator.Level2));
    }

    /// <summary>The message key of the kind's name: its level-1 group's, or its first level-2 group's.</summary>
    internal string NameKey => Level1 is { } l1 ? "level1." + IndicatorLevels.Code(l1) : "level2." + IndicatorLevels.Code(Level2.IsDefaultOrEmpty ? Indicators.Level2.Quantity : Level2[0]);
}
