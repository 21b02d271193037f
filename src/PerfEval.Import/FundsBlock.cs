using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Indicators;

namespace PerfEval.Import;

/// <summary>What the funds block (项目资金) of a table says: the total row's figures and the source lines with their amounts.</summary>
internal sealed record FundsBlock
{
    /// <summary>年初预算数.</summary>
    public decimal? Initial { get; init; }

    /// <summary>全年预算数 (A).</summary>
    public decimal? Available { get; init; }

    /// <summary>全年执行数 (B).</summary>
    public decimal? Spent { get; init; }

    /// <summary>执行率 as stated, in percent.</summary>
    public decimal? ExecutionRate { get; init; }

    /// <summary>The budget's score as stated.</summary>
    public decimal? Score { get; init; }

    /// <summary>The source lines (当年财政拨款, 上年结转资金, 其他资金, or a transfer table's 中央 / 地方 rows).</summary>
    public ImmutableArray<BudgetLine> Lines { get; init; } = [];

    /// <summary>The amounts of the source lines.</summary>
    public ImmutableArray<BudgetAmount> Amounts { get; init; } = [];
}
