namespace PerfEval.Reporting;

/// <summary>Which optional columns the self-evaluation table has, and its language.</summary>
public sealed record TableOptions
{
    /// <summary>Chinese labels (the default) or English ones.</summary>
    public bool Chinese { get; init; } = true;

    /// <summary>A 指标性质 column (≥, ≤, ＝…); without it the comparison stands in front of the target value.</summary>
    public bool ComparisonColumn { get; init; }

    /// <summary>A 度量单位 column; without it the unit follows the target value.</summary>
    public bool UnitColumn { get; init; }

    /// <summary>A 完成率 column (as in the seed's report); on by default.</summary>
    public bool CompletionRateColumn { get; init; } = true;
}
