namespace PerfEval.Actuals;

/// <summary>An amount for a named budget line; for a funding source, also its initial budget and its spending.</summary>
/// <param name="Id">The line's id in the indicator set.</param>
/// <param name="Amount">The amount, in the budget's unit: for a source, its 全年预算数 (its part of A).</param>
public sealed record BudgetAmount(string Id, decimal Amount)
{
    /// <summary>For a source: its 年初预算数 (initial budget), when reported.</summary>
    public decimal? Initial { get; init; }

    /// <summary>For a source: its 全年执行数 (the money of this source spent), when reported.</summary>
    public decimal? Spent { get; init; }
}
