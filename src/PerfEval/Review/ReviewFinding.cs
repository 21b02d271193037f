using PerfEval.Diagnostics;

namespace PerfEval.Review;

/// <summary>One finding of a review as a row for a reviewer's spreadsheet.</summary>
/// <param name="Submission">The submission's name.</param>
/// <param name="Code">The diagnostic code (PE4001…).</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Path">Where in the submission: the JSON path of the figure or item.</param>
/// <param name="Stated">The figure as the report states it, for a finding about a stated figure; otherwise null.</param>
/// <param name="Recomputed">The recomputed figure, for a finding about a stated figure; otherwise null.</param>
/// <param name="Message">The message.</param>
public sealed record ReviewFinding(string Submission, string Code, DiagnosticSeverity Severity, string Path, string? Stated, string? Recomputed, string Message)
{
    /// <summary>The rows of one submission's findings, in the order of <see cref="SubmissionReview.Findings"/>.</summary>
    /// <param name="review">The review of the submission.</param>
    /// <returns>One row per finding.</returns>
    public static IEnumerable<ReviewFinding> Of(SubmissionReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var comparisons = review.Audit?.Comparisons.ToDictionary(c => c.Path, StringComparer.Ordinal) ?? [];
        foreach (var f in review.Findings)
        {
            comparisons.TryGetValue(f.Path, out var c);
            // PE4001, PE4003 and PE4009 cite the stated figure as "stated" (and the sum of the parts as "sum"); PE4002 cites the stated
            // shares' sum as "sum" beside the "recomputed" one.
            f.Arguments.TryGetValue("sum", out var sum);
            var hasRecomputed = f.Arguments.TryGetValue("recomputed", out var recomputed);
            var stated = f.Arguments.TryGetValue("stated", out var s) ? s : hasRecomputed ? sum : c?.Stated;
            recomputed = hasRecomputed ? recomputed : sum ?? c?.Recomputed;
            yield return new ReviewFinding(review.Submission.Name, f.Code, f.Severity, f.Path, stated, recomputed, f.Message);
        }
    }
}
