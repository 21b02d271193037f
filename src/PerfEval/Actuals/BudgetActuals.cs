using System.Collections.Immutable;

namespace PerfEval.Actuals;

/// <summary>The year's money: totals, itemised amounts, or both (which must then agree).</summary>
public sealed record BudgetActuals
{
    /// <summary>年初预算数: the budget at the start of the year, when reported.</summary>
    public decimal? Initial { get; init; }

    /// <summary>全年预算数 (A): the adjusted full-year budget including carry-over; the sum of <see cref="Sources"/> when omitted.</summary>
    public decimal? Available { get; init; }

    /// <summary>全年执行数 (B): the money spent; the sum of <see cref="Expenditures"/> when omitted.</summary>
    public decimal? Spent { get; init; }

    /// <summary>Amounts by funding source.</summary>
    public ImmutableArray<BudgetAmount> Sources { get; init; } = [];

    /// <summary>Amounts by expenditure line.</summary>
    public ImmutableArray<BudgetAmount> Expenditures { get; init; } = [];

    /// <summary>The preparer's reason for the budget's execution (required below 90 % under the national rules).</summary>
    public string? Reason { get; init; }

    /// <summary>The preparer's improvement measures for the budget's execution.</summary>
    public string? Measures { get; init; }

    /// <summary>The category of the budget reason; <c>other</c> when null.</summary>
    public string? ReasonCategory { get; init; }
}
