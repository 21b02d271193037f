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

    /// <summary>The share of the total in percent (sources: of A; expenditures: of B); <see langword="null"/> when the total is 0.</summary>
    public decimal? Share { get; init; }
}
