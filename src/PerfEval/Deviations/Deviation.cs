using System.Collections.Immutable;

namespace PerfEval.Deviations;

/// <summary>How far an actual (or the budget's execution) is from its target, and whether that must be explained.</summary>
public sealed record Deviation
{
    /// <summary>An indicator with no deviation to speak of (not applicable, or no actual).</summary>
    public static Deviation None { get; } = new() { Direction = DeviationDirection.None };

    /// <summary>The side of the target the actual fell on.</summary>
    public required DeviationDirection Direction { get; init; }

    /// <summary>X − T in the indicator's unit (against the nearer bound for a range); null where no number is compared.</summary>
    public decimal? Absolute { get; init; }

    /// <summary>(X − T) / T in percent, two decimals; null where T is 0 or no number is compared.</summary>
    public decimal? Relative { get; init; }

    /// <summary>True when the policy requires an explanation.</summary>
    public bool ExplanationRequired => !Triggers.IsDefaultOrEmpty;

    /// <summary>Why an explanation is required; empty when none is.</summary>
    public ImmutableArray<ExplanationTrigger> Triggers { get; init; } = [];

    /// <summary>The reasons given: the preparer's and those produced by rules, each marked with its source.</summary>
    public ImmutableArray<DeviationReason> Reasons { get; init; } = [];
}
