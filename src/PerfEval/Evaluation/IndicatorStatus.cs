namespace PerfEval.Evaluation;

/// <summary>Whether an indicator reached its target.</summary>
public enum IndicatorStatus
{
    /// <summary>The target was reached: full points.</summary>
    Met,

    /// <summary>Below the target but with some points (a ratio, a partial grade).</summary>
    PartiallyMet,

    /// <summary>No points: not reached at all.</summary>
    NotMet,

    /// <summary>The indicator does not apply this year.</summary>
    NotApplicable,

    /// <summary>No usable actual was reported (see the findings); no points.</summary>
    Missing,
}
