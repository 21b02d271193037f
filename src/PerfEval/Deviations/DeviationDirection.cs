namespace PerfEval.Deviations;

/// <summary>Which side of its target an actual fell on.</summary>
public enum DeviationDirection
{
    /// <summary>On target (or no comparison possible).</summary>
    None,

    /// <summary>Above the target (more than planned; for ≤ targets, worse).</summary>
    Above,

    /// <summary>Below the target (less than planned, a deadline missed, a qualitative target not fully reached).</summary>
    Below,
}
