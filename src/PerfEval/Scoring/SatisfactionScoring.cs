namespace PerfEval.Scoring;

/// <summary>How satisfaction indicators (服务对象满意度指标) score.</summary>
public enum SatisfactionScoring
{
    /// <summary>Like any other indicator: full points when the target is met, W × X / T below it.</summary>
    Standard,

    /// <summary>W × the satisfaction rate, even when the target is met (98 % → 19.6 of 20 points).</summary>
    WeightTimesRate,

    /// <summary>Full points from <see cref="ScoringPolicy.SatisfactionFullAt"/>; each step below it (or part of one) costs a share of the weight.</summary>
    Stepped,
}
