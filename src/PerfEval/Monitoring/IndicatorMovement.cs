using PerfEval.Actuals;
using PerfEval.Evaluation;

namespace PerfEval.Monitoring;

/// <summary>How one indicator moved from the last monitoring point to the year end, with what the preparer said then.</summary>
public sealed record IndicatorMovement
{
    /// <summary>The indicator's id.</summary>
    public required string Id { get; init; }

    /// <summary>The indicator's name.</summary>
    public required string Name { get; init; }

    /// <summary>The value at the monitoring point.</summary>
    public ActualValue? AtMonitoring { get; init; }

    /// <summary>The year-end value projected then, rounded to two decimals.</summary>
    public decimal? ProjectedThen { get; init; }

    /// <summary>The likelihood given then.</summary>
    public required Likelihood LikelihoodThen { get; init; }

    /// <summary>The reason category given then (funds, institutional, staffing, equipment, other).</summary>
    public string? ReasonCategoryThen { get; init; }

    /// <summary>The reason given then.</summary>
    public string? ReasonThen { get; init; }

    /// <summary>The correction promised then.</summary>
    public string? MeasuresThen { get; init; }

    /// <summary>The value at the year end.</summary>
    public ActualValue? YearEnd { get; init; }

    /// <summary>The year-end value minus the value at the monitoring point, when both are numbers, rounded to two decimals.</summary>
    public decimal? Change { get; init; }

    /// <summary>The year-end completion rate, in percent.</summary>
    public decimal? CompletionRate { get; init; }

    /// <summary>The year-end status.</summary>
    public required IndicatorStatus Status { get; init; }

    /// <summary>True when the monitoring point's likelihood turned out wrong: certain but not met, or impossible but met.</summary>
    public bool Surprise => (LikelihoodThen == Likelihood.Certain && Status is IndicatorStatus.NotMet or IndicatorStatus.PartiallyMet)
        || (LikelihoodThen == Likelihood.Impossible && Status == IndicatorStatus.Met);
}
