using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;

namespace PerfEval.Audit;

/// <summary>A reviewer's audit (抽查复核) of a submitted self-evaluation: every stated figure recomputed, and the inconsistencies found.</summary>
public sealed record AuditResult
{
    /// <summary>The evaluation the stated figures were compared with.</summary>
    public required EvaluationResult Evaluation { get; init; }

    /// <summary>Every stated figure next to its recomputation, in the order of the report.</summary>
    public required ImmutableArray<StatedComparison> Comparisons { get; init; }

    /// <summary>The audit's findings (PE4xxx), followed by the evaluation's own findings.</summary>
    public required ImmutableArray<Diagnostic> Findings { get; init; }

    /// <summary>True when any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == DiagnosticSeverity.Error);
}
