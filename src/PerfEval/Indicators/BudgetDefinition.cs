using System.Collections.Immutable;

namespace PerfEval.Indicators;

/// <summary>What kind of money a funding source is, for the rows of the table's funds block.</summary>
public enum SourceCategory
{
    /// <summary>当年财政拨款: this year's appropriation.</summary>
    Appropriation,

    /// <summary>上年结转资金: carried over from the previous year.</summary>
    CarryOver,

    /// <summary>其他资金: any other money.</summary>
    Other,
}

/// <summary>A named funding source or expenditure line of a budget.</summary>
/// <param name="Id">The id that the actuals use for its amount.</param>
/// <param name="Name">The name as printed (中央财政资金, 社会保险补贴).</param>
public sealed record BudgetLine(string Id, string Name)
{
    /// <summary>For sources: what kind of money it is. Ignored for expenditures.</summary>
    public SourceCategory Category { get; init; } = SourceCategory.Appropriation;
}

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
