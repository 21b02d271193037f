namespace PerfEval.Reporting;

/// <summary>
/// A row of the funds block (项目资金): the total, then 当年财政拨款, 上年结转资金 and 其他资金 (on the transfer-payment form
/// 中央补助 and 地方资金).
/// </summary>
/// <param name="Label">The row's label.</param>
/// <param name="Initial">年初预算数; on a source row, when its sources give theirs.</param>
/// <param name="Available">全年预算数 (A).</param>
/// <param name="Spent">全年执行数 (B); on a source row, when its sources give their spending.</param>
/// <param name="Weight">分值; only on the total row (the others print "—").</param>
/// <param name="ExecutionRate">执行率 in percent; on a source row, when its spending is known.</param>
/// <param name="Score">得分; only on the total row.</param>
public sealed record FundsRow(string Label, decimal? Initial, decimal? Available, decimal? Spent, decimal? Weight, decimal? ExecutionRate, decimal? Score);
