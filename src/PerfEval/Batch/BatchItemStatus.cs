namespace PerfEval.Batch;

/// <summary>What became of one programme of a batch.</summary>
public enum BatchItemStatus
{
    /// <summary>The programme could not be read (a missing file, bad JSON, a document with errors): there is no result; see <see cref="BatchItem.Diagnostics"/>.</summary>
    Unreadable,

    /// <summary>The programme was read and evaluated, and the evaluation reported errors (<see cref="Evaluation.EvaluationResult.HasErrors"/>): some figures are not as reported.</summary>
    RuleErrors,

    /// <summary>The programme was read and evaluated without errors.</summary>
    Evaluated,
}
