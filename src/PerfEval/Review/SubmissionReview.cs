using System.Collections.Immutable;
using PerfEval.Audit;
using PerfEval.Diagnostics;

namespace PerfEval.Review;

/// <summary>The review of one submission: its audit, or the diagnostics saying why it could not be read.</summary>
public sealed record SubmissionReview
{
    /// <summary>The submission.</summary>
    public required Submission Submission { get; init; }

    /// <summary>Its position in the review, from 0.</summary>
    public required int Index { get; init; }

    /// <summary>The audit of the evaluation (stated figures recomputed); null when the submission could not be read.</summary>
    public AuditResult? Audit { get; init; }

    /// <summary>The diagnostics of reading or importing the submission.</summary>
    public ImmutableArray<Diagnostic> ReadingDiagnostics { get; init; } = [];

    /// <summary>Every finding: the reading's diagnostics, then the audit's and the evaluation's findings (each once).</summary>
    public ImmutableArray<Diagnostic> Findings
    {
        get
        {
            if (Audit is not { } audit)
            {
                return ReadingDiagnostics;
            }

            var known = audit.Findings.Select(Key).ToHashSet();
            return [.. ReadingDiagnostics.Where(d => !known.Contains(Key(d))), .. audit.Findings];
        }
    }

    /// <summary>The number of findings that are errors.</summary>
    public int Errors => Findings.Count(f => f.Severity == DiagnosticSeverity.Error);

    /// <summary>The number of findings that are warnings.</summary>
    public int Warnings => Findings.Count(f => f.Severity == DiagnosticSeverity.Warning);

    /// <summary>True when the submission could not be read or any finding is an error.</summary>
    public bool HasErrors => Audit is null || Errors > 0;

    private static (string Code, string Path, string Message) Key(Diagnostic d) => (d.Code, d.Path, d.Message);
}
