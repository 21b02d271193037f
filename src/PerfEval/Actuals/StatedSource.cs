namespace PerfEval.Actuals;

/// <summary>
/// One funding source's row of the funds block as a report states it (当年财政拨款, 上年结转资金, 中央补助 …). Each number
/// keeps the precision it was written with.
/// </summary>
public sealed record StatedSource
{
    /// <summary>年初预算数 as stated.</summary>
    public decimal? Initial { get; init; }

    /// <summary>全年预算数 as stated.</summary>
    public decimal? Available { get; init; }

    /// <summary>全年执行数 as stated.</summary>
    public decimal? Spent { get; init; }

    /// <summary>执行率 in percent as stated.</summary>
    public decimal? ExecutionRate { get; init; }
}
