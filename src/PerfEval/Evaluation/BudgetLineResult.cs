using PerfEval.Indicators;

namespace PerfEval.Evaluation;

/// <summary>A budget line with its amount and its share of the total.</summary>
public sealed record BudgetLineResult
{
    /// <summary>The line's id.</summary>
    public required string Id { get; init; }

    /// <summary>The line's name.</summary>
    public required string Name { get; init; }

    /// <summary>For sources, what kind of money it is; <see langword="null"/> for expenditures.</summary>
    public SourceCategory? Category { get; init; }

    /// <summary>The amount, in the budget's unit.</summary>
    public required decimal Amount { get; init; }

    /// <summary>For a source: its 年初预算数 (initial budget), when the actuals give it.</summary>
    public decimal? Initial { get; init; }

    /// <summary>For a source: its 全年执行数 (spending), when the actuals give it.</summary>
    public decimal? Spent { get; init; }

    /// <summary>For a source: its spending over its amount in percent, two decimals; <see langword="null"/> without spending or when the amount is 0.</summary>
    public decimal? ExecutionRate { get; init; }

    /// <summary>The share of the total in percent (sources: of A; expenditures: of B); <see langword="null"/> when the total is 0.</summary>
    public decimal? Share { get; init; }
}
