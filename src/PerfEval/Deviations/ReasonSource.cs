namespace PerfEval.Deviations;

/// <summary>Where a deviation reason came from.</summary>
public enum ReasonSource
{
    /// <summary>Written by the preparer in the actuals.</summary>
    Preparer,

    /// <summary>Produced by a reason rule of the indicator set or of a rule template.</summary>
    Rule,
}
