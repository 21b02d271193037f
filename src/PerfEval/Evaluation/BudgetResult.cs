using System.Collections.Immutable;
using PerfEval.Deviations;

namespace PerfEval.Evaluation;

/// <summary>The funds block of the self-evaluation: budget, spending, execution rate and its score.</summary>
public sealed record BudgetResult
{
    /// <summary>The unit of the amounts (万元).</summary>
    public required string Unit { get; init; }

    /// <summary>年初预算数, when reported.</summary>
    public decimal? Initial { get; init; }

    /// <summary>全年预算数 (A); <see langword="null"/> when neither a total nor sources were given.</summary>
    public decimal? Available { get; init; }

    /// <summary>全年执行数 (B); <see langword="null"/> when neither a total nor expenditures were given.</summary>
    public decimal? Spent { get; init; }

    /// <summary>B / A in percent, two decimals; <see langword="null"/> when A is 0 or missing.</summary>
    public decimal? ExecutionRate { get; init; }

    /// <summary>The points of budget execution.</summary>
    public required decimal Weight { get; init; }

    /// <summary>W × B / A, at most W; 0 when A is 0 or missing.</summary>
    public required decimal Score { get; init; }

    /// <summary>The funding sources with their shares of A.</summary>
    public ImmutableArray<BudgetLineResult> Sources { get; init; } = [];

    /// <summary>The expenditure lines with their shares of B.</summary>
    public ImmutableArray<BudgetLineResult> Expenditures { get; init; } = [];

    /// <summary>B − A and the execution rate's distance from 100 %, whether it must be explained, and the reasons given.</summary>
    public Deviation Deviation { get; init; } = Deviation.None;
}
