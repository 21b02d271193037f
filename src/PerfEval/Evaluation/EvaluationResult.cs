using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Scoring;

namespace PerfEval.Evaluation;

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
