namespace PerfEval.Monitoring;

/// <summary>Whether an indicator's annual target will be reached (完成目标可能性), as the monitoring form asks.</summary>
public enum Likelihood
{
    /// <summary>确定能: the projected year-end value meets the target (or it is met already).</summary>
    Certain,

    /// <summary>有可能: short of the target, but within reach (see <see cref="MonitoringThresholds.PossibleFrom"/>).</summary>
    Possible,

    /// <summary>完全不可能: far from the target, or a deadline already missed.</summary>
    Impossible,
}
