using System.Collections.Immutable;

namespace PerfEval.Indicators;

/// <summary>The budget part of an indicator set: the unit of money and the named sources and expenditures.</summary>
public sealed record BudgetDefinition
{
    /// <summary>The unit of every amount (万元 by default).</summary>
    public string Unit { get; init; } = "万元";

    /// <summary>The funding sources (资金来源), in table order.</summary>
    public ImmutableArray<BudgetLine> Sources { get; init; } = [];

    /// <summary>The expenditure lines (支出项目), in table order.</summary>
    public ImmutableArray<BudgetLine> Expenditures { get; init; } = [];
}
