using PerfEval.Actuals;
using PerfEval.Evaluation;

namespace PerfEval.TargetReview;

/// <summary>What a target review checks against.</summary>
public sealed record TargetReviewOptions
{
    /// <summary>The checklist; <see cref="TargetChecklist.Default"/> when null.</summary>
    public TargetChecklist? Checklist { get; init; }

    /// <summary>The programme type's id in the checklist; the checklist's default type when null.</summary>
    public string? ProgrammeType { get; init; }

    /// <summary>The previous year's actuals, keyed by the same indicator ids, when known: targets are compared with them.</summary>
    public ProgrammeActuals? PreviousYear { get; init; }

    /// <summary>The evaluator whose scoring policy the weights must fit (and which reads the previous year's actuals); a default one when null.</summary>
    public Evaluator? Evaluator { get; init; }
}
