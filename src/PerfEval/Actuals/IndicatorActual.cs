using System.Collections.Immutable;

namespace PerfEval.Actuals;

/// <summary>One indicator's result for the year, as the preparer reports it.</summary>
public sealed record IndicatorActual
{
    /// <summary>The id of the indicator in the indicator set.</summary>
    public required string Id { get; init; }

    /// <summary>The actual; <see langword="null"/> when it is computed from <see cref="Inputs"/> or the indicator is not applicable.</summary>
    public ActualValue? Actual { get; init; }

    /// <summary>The grade of a qualitative indicator, when the preparer gives one.</summary>
    public QualitativeGrade? Grade { get; init; }

    /// <summary>The preparer's score for a qualitative indicator; it must lie in its grade's band.</summary>
    public decimal? Score { get; init; }

    /// <summary>Named input values for an indicator whose actual is computed (the sub-counts of a total).</summary>
    public ImmutableDictionary<string, decimal> Inputs { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>At a monitoring point, the preparer's expected full-year value (全年预计完成值), when given.</summary>
    public ActualValue? Projected { get; init; }

    /// <summary>The preparer's deviation reason (偏差原因分析).</summary>
    public string? Reason { get; init; }

    /// <summary>The preparer's improvement measures (改进措施).</summary>
    public string? Measures { get; init; }

    /// <summary>The category of the preparer's reason (a <see cref="Deviations.ReasonCategory"/> id); <c>other</c> when null.</summary>
    public string? ReasonCategory { get; init; }

    /// <summary>Points deducted (扣分) from the computed score, floor 0, where the policy allows deductions.</summary>
    public decimal? Deduction { get; init; }

    /// <summary>True when the indicator does not apply this year.</summary>
    public bool NotApplicable { get; init; }
}
