namespace PerfEval.Monitoring;

/// <summary>The thresholds of a monitoring point (docs/monitoring.md explains their choice).</summary>
public sealed record MonitoringThresholds
{
    /// <summary>
    /// The projected completion rate, in percent, from which a target short of being met is still <see cref="Likelihood.Possible"/>;
    /// below it, <see cref="Likelihood.Impossible"/>. 60 by default: the floor of the "partly achieved" band of 财预〔2020〕10号.
    /// </summary>
    public decimal PossibleFrom { get; init; } = 60m;

    /// <summary>How many percentage points budget execution may lag behind the time elapsed before it is flagged (PE8105); 10 by default.</summary>
    public decimal BudgetTolerance { get; init; } = 10m;
}
