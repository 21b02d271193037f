using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Scoring;

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

/// <summary>One indicator's evaluation.</summary>
public sealed record IndicatorResult
{
    /// <summary>The indicator's id.</summary>
    public required string Id { get; init; }

    /// <summary>The indicator's name.</summary>
    public required string Name { get; init; }

    /// <summary>The sub-programme, if any.</summary>
    public string? Program { get; init; }

    /// <summary>The level-1 group.</summary>
    public required Level1 Level1 { get; init; }

    /// <summary>The level-2 group.</summary>
    public required Level2 Level2 { get; init; }

    /// <summary>The target with its resolved comparison; <see cref="Target.Display"/> is what tables print.</summary>
    public required Target Target { get; init; }

    /// <summary>The unit of measure.</summary>
    public string? Unit { get; init; }

    /// <summary>The actual as reported (or as computed from inputs); <see langword="null"/> when missing.</summary>
    public ActualValue? Actual { get; init; }

    /// <summary>The number that was scored (after computing it from inputs, and counting a negative as 0).</summary>
    public decimal? ActualNumber { get; init; }

    /// <summary>The completion rate in percent, two decimals; <see langword="null"/> where no ratio is defined (qualitative, missing, not applicable).</summary>
    public decimal? CompletionRate { get; init; }

    /// <summary>Whether the target was reached.</summary>
    public required IndicatorStatus Status { get; init; }

    /// <summary>The qualitative grade used, for qualitative indicators.</summary>
    public QualitativeGrade? Grade { get; init; }

    /// <summary>True when the grade was not given but read from the actual (it repeats the target, or says 完成 / 未完成).</summary>
    public bool GradeInferred { get; init; }

    /// <summary>The weight in points.</summary>
    public required decimal Weight { get; init; }

    /// <summary>True when the weight was filled by the scoring policy rather than written in the indicator set.</summary>
    public bool WeightFilled { get; init; }

    /// <summary>The score in points, two decimals, never above <see cref="Weight"/>.</summary>
    public required decimal Score { get; init; }

    /// <summary>Points deducted (扣分) from the computed score, when the actuals give a deduction and the policy allows it.</summary>
    public decimal? Deduction { get; init; }

    private Deviation _deviation = Deviation.None;

    /// <summary>How far the actual is from its target, whether that must be explained, and the reasons given.</summary>
    public Deviation Deviation { get => _deviation; init => _deviation = value; }

    /// <summary>Gives a result its deviation once, before the evaluator hands the result out (saves copying the record).</summary>
    internal void SetDeviation(Deviation deviation) => _deviation = deviation;

    /// <summary>The preparer's deviation reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The preparer's improvement measures.</summary>
    public string? Measures { get; init; }
}

/// <summary>The result of evaluating one programme's year: immutable, safe to share.</summary>
public sealed record EvaluationResult
{
    /// <summary>The indicator set's id.</summary>
    public required string IndicatorSetId { get; init; }

    /// <summary>The programme's name.</summary>
    public required string Name { get; init; }

    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>The supervising department.</summary>
    public string? Department { get; init; }

    /// <summary>The implementing unit.</summary>
    public string? ImplementingUnit { get; init; }

    /// <summary>The year's overall goals.</summary>
    public ImmutableArray<string> Goals { get; init; } = [];

    /// <summary>The name of the scoring policy that produced the figures (<c>mof-2020</c>).</summary>
    public required string Policy { get; init; }

    /// <summary>The funds block.</summary>
    public required BudgetResult Budget { get; init; }

    /// <summary>Every indicator of the set, in table order.</summary>
    public required ImmutableArray<IndicatorResult> Indicators { get; init; }

    /// <summary>The budget weight plus every indicator's weight (100 when the set is complete).</summary>
    public required decimal TotalWeight { get; init; }

    /// <summary>The budget score plus every indicator's score.</summary>
    public required decimal TotalScore { get; init; }

    /// <summary>The grade of the total.</summary>
    public required GradeBand Grade { get; init; }

    /// <summary>Everything found while reading and evaluating, errors first in document order.</summary>
    public required ImmutableArray<Diagnostic> Findings { get; init; }

    /// <summary>The policy itself, for checks that need more than its name (the audit's qualitative bands).</summary>
    internal ScoringPolicy? PolicyUsed { get; init; }

    /// <summary>True when a finding is an error: some figures could not be computed as reported.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == DiagnosticSeverity.Error);
}
