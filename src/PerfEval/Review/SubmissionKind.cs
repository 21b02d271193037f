namespace PerfEval.Review;

/// <summary>How a submission of a review arrives.</summary>
public enum SubmissionKind
{
    /// <summary>A rule folder: <c>indicators.json</c> and <c>actuals.json</c> (the report's figures under <c>stated</c>).</summary>
    RuleFolder,

    /// <summary>A self-evaluation table in a file (.xlsx, .xls, .docx, .html, .htm, .pdf), read by an <see cref="ISubmissionImporter"/>.</summary>
    File,
}
