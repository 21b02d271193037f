namespace PerfEval.Indicators;

/// <summary>A named funding source or expenditure line of a budget.</summary>
/// <param name="Id">The id that the actuals use for its amount.</param>
/// <param name="Name">The name as printed (中央财政资金, 社会保险补贴).</param>
public sealed record BudgetLine(string Id, string Name)
{
    /// <summary>For sources: what kind of money it is. Ignored for expenditures.</summary>
    public SourceCategory Category { get; init; } = SourceCategory.Appropriation;
}
