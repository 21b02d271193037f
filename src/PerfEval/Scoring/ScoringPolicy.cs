using System.Collections.Immutable;
using PerfEval.Indicators;

namespace PerfEval.Scoring;

/// <summary>How a less-is-better indicator (≤) scores when the actual is above the target.</summary>
public enum LessIsBetterConvention
{
    /// <summary>The national platform's rule: W × (1 − (X − T) / T) while X &lt; 2T, then 0.</summary>
    LinearToTwiceTarget,

    /// <summary>Several provinces' rule: W × T / X.</summary>
    InverseRatio,
}

/// <summary>A grade band: totals at or above <paramref name="MinimumScore"/> get this grade (the highest band that fits wins).</summary>
/// <param name="MinimumScore">The lowest total of the band.</param>
/// <param name="Code">A stable code: <c>excellent</c>, <c>good</c>, <c>fair</c>, <c>poor</c>.</param>
/// <param name="Label">The label printed in tables: 优, 良, 中, 差.</param>
/// <param name="EnglishLabel">The label in English output.</param>
public sealed record GradeBand(decimal MinimumScore, string Code, string Label, string EnglishLabel);

/// <summary>
/// The scoring rules an evaluation follows. <see cref="Mof2020"/> is the national default (财预〔2020〕10号 and
/// the national platform's scoring); regional variants are the same record with other values.
/// </summary>
public sealed record ScoringPolicy
{
    /// <summary>The policy's name, reported with every result (<c>mof-2020</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The points of budget execution (10 by default).</summary>
    public decimal BudgetWeight { get; init; } = 10m;

    /// <summary>The points of each level-1 group, split among its indicators that have no weight of their own.</summary>
    public ImmutableDictionary<Level1, decimal> LevelPoints { get; init; } = ImmutableDictionary<Level1, decimal>.Empty;

    /// <summary>The total the weights should add up to (100).</summary>
    public decimal TotalPoints { get; init; } = 100m;

    /// <summary>How ≤ indicators score above their target.</summary>
    public LessIsBetterConvention LessIsBetter { get; init; } = LessIsBetterConvention.LinearToTwiceTarget;

    /// <summary>The lowest share of the weight for grade 达成 (0.8): the band is [0.8 W, W].</summary>
    public decimal AchievedFloor { get; init; } = 0.8m;

    /// <summary>The lowest share of the weight for grade 部分达成 (0.6): the band is [0.6 W, 0.8 W).</summary>
    public decimal PartialFloor { get; init; } = 0.6m;

    /// <summary>
    /// True to share the points of weighted indicators that do not apply among the other indicators, in proportion
    /// to their weights, so the total stays the same (the default); false to leave those points out of the total.
    /// </summary>
    public bool RescaleNotApplicable { get; init; } = true;

    /// <summary>The grade bands, highest first.</summary>
    public ImmutableArray<GradeBand> Grades { get; init; } = [];

    /// <summary>The national default: budget 10, output 50, benefit 30, satisfaction 10; ≤ scored linearly to 2T; grades 90 / 80 / 60.</summary>
    public static ScoringPolicy Mof2020 { get; } = new()
    {
        Name = "mof-2020",
        BudgetWeight = 10m,
        LevelPoints = ImmutableDictionary.CreateRange(
        [
            KeyValuePair.Create(Level1.Output, 50m),
            KeyValuePair.Create(Level1.Benefit, 30m),
            KeyValuePair.Create(Level1.Satisfaction, 10m),
        ]),
        Grades =
        [
            new GradeBand(90m, "excellent", "优", "Excellent"),
            new GradeBand(80m, "good", "良", "Good"),
            new GradeBand(60m, "fair", "中", "Fair"),
            new GradeBand(decimal.MinValue, "poor", "差", "Poor"),
        ],
    };

    /// <summary>The band a total falls in.</summary>
    /// <param name="totalScore">The total score.</param>
    /// <returns>The highest band whose minimum the total reaches.</returns>
    public GradeBand GradeFor(decimal totalScore)
    {
        foreach (var band in Grades.OrderByDescending(g => g.MinimumScore))
        {
            if (totalScore >= band.MinimumScore)
            {
                return band;
            }
        }

        return new GradeBand(decimal.MinValue, "none", "—", "—");
    }
}
