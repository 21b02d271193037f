using System.Collections.Immutable;

namespace PerfEval.Actuals;

/// <summary>
/// What a submitted report states (陈述值), for a reviewer to recompute. Each number keeps the precision it was
/// written with (86 is compared at whole percents, 24.27 at two decimals).
/// </summary>
public sealed record StatedFigures
{
    /// <summary>年初预算数 as stated.</summary>
    public decimal? Initial { get; init; }

    /// <summary>全年预算数 (A) as stated.</summary>
    public decimal? Available { get; init; }

    /// <summary>全年执行数 (B) as stated.</summary>
    public decimal? Spent { get; init; }

    /// <summary>执行率 in percent as stated.</summary>
    public decimal? ExecutionRate { get; init; }

    /// <summary>The budget execution score as stated.</summary>
    public decimal? BudgetScore { get; init; }

    /// <summary>The funds block's rows by source id: each source's initial budget, full-year budget, spending and execution rate.</summary>
    public ImmutableDictionary<string, StatedSource> Sources { get; init; } = ImmutableDictionary<string, StatedSource>.Empty;

    /// <summary>Shares of the available budget by source id, in percent.</summary>
    public ImmutableDictionary<string, decimal> SourceShares { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Shares of spending by expenditure id, in percent (占总支出的…%).</summary>
    public ImmutableDictionary<string, decimal> ExpenditureShares { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Completion rates by indicator id, in percent (完成年度预期目标的…%).</summary>
    public ImmutableDictionary<string, decimal> CompletionRates { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Scores by indicator id.</summary>
    public ImmutableDictionary<string, decimal> Scores { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Subtotals of level-1 groups as stated (产出指标 得分), keyed by the group's code (output, benefit, satisfaction, cost).</summary>
    public ImmutableDictionary<string, decimal> Level1Scores { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Subtotals of level-2 groups as stated (数量指标 得分), keyed by the group's code (quantity, quality, …).</summary>
    public ImmutableDictionary<string, decimal> Level2Scores { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>The total score as stated.</summary>
    public decimal? TotalScore { get; init; }

    /// <summary>The grade as stated (优, 良, 中, 差 or the policy's label).</summary>
    public string? Grade { get; init; }

    /// <summary>The report's conclusion as written (各项绩效目标全面完成…).</summary>
    public string? Conclusion { get; init; }
}
