using PerfEval.Actuals;
using PerfEval.Indicators;

namespace PerfEval.Monitoring;

/// <summary>One indicator at a monitoring point: a row of the monitoring table (绩效运行监控表).</summary>
public sealed record IndicatorProgress
{
    /// <summary>The indicator's id.</summary>
    public required string Id { get; init; }

    /// <summary>The indicator's name.</summary>
    public required string Name { get; init; }

    /// <summary>The sub-programme, when the fund has several.</summary>
    public string? Program { get; init; }

    /// <summary>The level-1 group.</summary>
    public required Level1 Level1 { get; init; }

    /// <summary>The level-2 group.</summary>
    public required Level2 Level2 { get; init; }

    /// <summary>The annual target (年度指标值).</summary>
    public required Target Target { get; init; }

    /// <summary>The unit.</summary>
    public string? Unit { get; init; }

    /// <summary>The value so far (1–7月执行情况); null when none is reported.</summary>
    public ActualValue? Actual { get; init; }

    /// <summary>The value so far as a number, when it is one.</summary>
    public decimal? ActualNumber { get; init; }

    /// <summary>The value so far against the annual target, in percent (completion so far), rounded to two decimals.</summary>
    public decimal? Progress { get; init; }

    /// <summary>How the year-end value was projected.</summary>
    public required ProjectionMethod Projection { get; init; }

    /// <summary>The projected year-end value (全年预计完成值), rounded to two decimals; null when it is judged, not projected.</summary>
    public decimal? Projected { get; init; }

    /// <summary>The projected value against the target, in percent, rounded to two decimals.</summary>
    public decimal? ProjectedCompletion { get; init; }

    /// <summary>Whether the target will be reached (完成目标可能性).</summary>
    public required Likelihood Likelihood { get; init; }

    /// <summary>True when the target is at risk, so that a reason and a correction are asked for.</summary>
    public bool NeedsReason => Likelihood != Likelihood.Certain;

    /// <summary>The reason category as the monitoring form has it: funds, institutional, staffing, equipment or other; null when no reason is given.</summary>
    public string? ReasonCategory { get; init; }

    /// <summary>The preparer's reason (偏差原因).</summary>
    public string? Reason { get; init; }

    /// <summary>The preparer's correction (纠偏措施).</summary>
    public string? Measures { get; init; }
}
