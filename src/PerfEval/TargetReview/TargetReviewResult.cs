using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.TargetReview;

/// <summary>The review of an indicator set's targets before the year (绩效目标审核).</summary>
public sealed record TargetReviewResult
{
    /// <summary>The id of the indicator set reviewed.</summary>
    public required string IndicatorSetId { get; init; }

    /// <summary>The programme's name.</summary>
    public required string Name { get; init; }

    /// <summary>The year of the targets.</summary>
    public required int Year { get; init; }

    /// <summary>The id of the checklist used.</summary>
    public required string Checklist { get; init; }

    /// <summary>The id of the programme type the set was reviewed as; null when the checklist has no such type (PE8006).</summary>
    public string? ProgrammeType { get; init; }

    /// <summary>True when the previous year's actuals were compared with the targets.</summary>
    public bool ComparedWithPreviousYear { get; init; }

    /// <summary>The findings: the checklist's (PE8001–PE8007) and the set's own that concern its targets and weights.</summary>
    public required ImmutableArray<Diagnostic> Findings { get; init; }

    /// <summary>True when a finding is an error: the set should not be submitted as it is.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == DiagnosticSeverity.Error);
}
