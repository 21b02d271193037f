namespace PerfEval.Monitoring;

/// <summary>Budget execution at a monitoring point against the time elapsed (预算执行进度与时间进度).</summary>
public sealed record BudgetProgress
{
    /// <summary>The money unit (万元).</summary>
    public required string Unit { get; init; }

    /// <summary>全年预算数 (A).</summary>
    public decimal? Available { get; init; }

    /// <summary>The money spent so far (B so far).</summary>
    public decimal? Spent { get; init; }

    /// <summary>The execution rate so far, in percent.</summary>
    public decimal? ExecutionRate { get; init; }

    /// <summary>The time elapsed, in percent of the year.</summary>
    public required decimal Elapsed { get; init; }

    /// <summary>True when the execution rate lags behind the time elapsed by more than the tolerance (PE8105).</summary>
    public bool BehindSchedule { get; init; }
}
