namespace PerfEval.Scoring;

/// <summary>How a less-is-better indicator (≤) scores when the actual is above the target.</summary>
public enum LessIsBetterConvention
{
    /// <summary>The national platform's rule: W × (1 − (X − T) / T) while X &lt; 2T, then 0.</summary>
    LinearToTwiceTarget,

    /// <summary>Several provinces' rule: W × T / X.</summary>
    InverseRatio,
}
