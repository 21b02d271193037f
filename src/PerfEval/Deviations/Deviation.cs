using System.Collections.Immutable;

namespace PerfEval.Deviations;

/// <summary>Which side of its target an actual fell on.</summary>
public enum DeviationDirection
{
    /// <summary>On target (or no comparison possible).</summary>
    None,

    /// <summary>Above the target (more than planned; for ≤ targets, worse).</summary>
    Above,

    /// <summary>Below the target (less than planned, a deadline missed, a qualitative target not fully reached).</summary>
    Below,
}

/// <summary>Why an explanation (偏差原因分析及改进措施) is required.</summary>
public enum ExplanationTrigger
{
    /// <summary>The indicator scored less than its weight.</summary>
    PointsLost,

    /// <summary>The completion rate reached the policy's over-achievement review threshold (120 % by default).</summary>
    OverAchievement,

    /// <summary>Budget execution below the policy's threshold (90 % by default).</summary>
    BudgetUnderExecution,
}

/// <summary>Where a deviation reason came from.</summary>
public enum ReasonSource
{
    /// <summary>Written by the preparer in the actuals.</summary>
    Preparer,

    /// <summary>Produced by a reason rule of the indicator set or of a rule template.</summary>
    Rule,
}

/// <summary>One reason given for a deviation.</summary>
public sealed record DeviationReason
{
    /// <summary>The reason category's id (see <see cref="ReasonCategory"/>); <c>other</c> when the preparer named none.</summary>
    public required string Category { get; init; }

    /// <summary>The category's label in the evaluation's language.</summary>
    public required string CategoryLabel { get; init; }

    /// <summary>The reason's text.</summary>
    public required string Text { get; init; }

    /// <summary>The improvement measures, when given with the reason.</summary>
    public string? Measures { get; init; }

    /// <summary>Where the reason came from.</summary>
    public required ReasonSource Source { get; init; }

    /// <summary>The id of the rule that produced it, for <see cref="ReasonSource.Rule"/>.</summary>
    public string? RuleId { get; init; }
}

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
