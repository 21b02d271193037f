namespace PerfEval.Indicators;

/// <summary>One level-3 indicator (三级指标) of an indicator set: what is measured, its target and its weight.</summary>
public sealed record IndicatorDefinition
{
    /// <summary>The indicator's id, unique in its set; actuals refer to it.</summary>
    public required string Id { get; init; }

    /// <summary>The indicator's name as printed in the table (社会保险补贴人数).</summary>
    public required string Name { get; init; }

    /// <summary>The sub-programme (子项目) the indicator belongs to, when the fund has several.</summary>
    public string? Program { get; init; }

    /// <summary>The level-1 group; by default the parent of <see cref="Level2"/>.</summary>
    public required Level1 Level1 { get; init; }

    /// <summary>The level-2 group.</summary>
    public required Level2 Level2 { get; init; }

    /// <summary>The target, with its resolved comparison.</summary>
    public required Target Target { get; init; }

    /// <summary>The unit of measure (计量单位): 人, %, 元/人/月.</summary>
    public string? Unit { get; init; }

    /// <summary>The weight in points (分值); <see langword="null"/> lets the scoring policy fill it.</summary>
    public decimal? Weight { get; init; }

    /// <summary>
    /// An expression that computes the actual from named input values given in the actuals, for example
    /// <c>hardship + enterprises + publicJobs</c>; <see langword="null"/> when the actual is given directly.
    /// </summary>
    public string? Compute { get; init; }

    /// <summary>A note for readers of the rule (not used in scoring).</summary>
    public string? Description { get; init; }
}
