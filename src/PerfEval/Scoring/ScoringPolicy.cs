using System.Collections.Immutable;
using PerfEval.Indicators;

namespace PerfEval.Scoring;

/// <summary>
/// The scoring rules an evaluation follows. <see cref="Mof2020"/> is the national default (财预〔2020〕10号 and
/// the national platform's scoring); regional variants are the same record with other values.
/// </summary>
public sealed record ScoringPolicy
{
    private readonly decimal? _totalPoints;
    private readonly decimal? _partialDefaultShare;

    /// <summary>The policy's name, reported with every result (<c>mof-2020</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The points of budget execution (10 by default).</summary>
    public decimal BudgetWeight { get; init; } = 10m;

    /// <summary>The points of each level-1 group, split among its indicators that have no weight of their own.</summary>
    public ImmutableDictionary<Level1, decimal> LevelPoints { get; init; } = ImmutableDictionary<Level1, decimal>.Empty;

    /// <summary>
    /// The total the weights should add up to (100 for <see cref="Mof2020"/>). Unless it is set, it is
    /// <see cref="BudgetWeight"/> plus the <see cref="LevelPoints"/>, so that <c>policy with { BudgetWeight = … }</c> or
    /// <c>with { LevelPoints = … }</c> alone gives a policy whose points add up.
    /// </summary>
    public decimal TotalPoints
    {
        get => _totalPoints ?? BudgetWeight + SumOfLevelPoints();
        init => _totalPoints = value;
    }

    /// <summary>The sum of <see cref="LevelPoints"/>, read on every evaluation: a loop over the dictionary's own enumerator allocates nothing.</summary>
    private decimal SumOfLevelPoints()
    {
        var sum = 0m;
        foreach (var (_, points) in LevelPoints)
        {
            sum += points;
        }

        return sum;
    }

    /// <summary>How ≤ indicators score above their target.</summary>
    public LessIsBetterConvention LessIsBetter { get; init; } = LessIsBetterConvention.LinearToTwiceTarget;

    /// <summary>The lowest share of the weight for grade 达成 (0.8): the band is [0.8 W, W].</summary>
    public decimal AchievedFloor { get; init; } = 0.8m;

    /// <summary>The lowest share of the weight for grade 部分达成 (0.6): the band is [0.6 W, 0.8 W).</summary>
    public decimal PartialFloor { get; init; } = 0.6m;

    /// <summary>A description for readers of the policy.</summary>
    public string? Description { get; init; }

    /// <summary>The share of the weight a 达成 grade scores when the preparer gives no score (1: full points).</summary>
    public decimal AchievedDefaultShare { get; init; } = 1m;

    /// <summary>
    /// The share of the weight a 部分达成 grade scores when the preparer gives no score. Unless it is set, it is the
    /// band's floor, <see cref="PartialFloor"/> (0.6), so that <c>policy with { PartialFloor = … }</c> alone stays consistent.
    /// </summary>
    public decimal PartialDefaultShare
    {
        get => _partialDefaultShare ?? PartialFloor;
        init => _partialDefaultShare = value;
    }

    /// <summary>The share of the weight a 未达成 grade scores when the preparer gives no score (0).</summary>
    public decimal NotAchievedDefaultShare { get; init; }

    /// <summary>How satisfaction indicators score.</summary>
    public SatisfactionScoring Satisfaction { get; init; } = SatisfactionScoring.Standard;

    /// <summary>For <see cref="SatisfactionScoring.Stepped"/>: the rate (percent) from which satisfaction scores full points (90).</summary>
    public decimal SatisfactionFullAt { get; init; } = 90m;

    /// <summary>For <see cref="SatisfactionScoring.Stepped"/>: the width of one step below <see cref="SatisfactionFullAt"/>, in percentage points (5).</summary>
    public decimal SatisfactionStep { get; init; } = 5m;

    /// <summary>For <see cref="SatisfactionScoring.Stepped"/>: the share of the weight each step costs (0.1: 1 of 10 points).</summary>
    public decimal SatisfactionStepShare { get; init; } = 0.1m;

    /// <summary>The completion rate (percent) from which an over-achievement must be explained (120; one province uses 130).</summary>
    public decimal OverAchievementReviewAt { get; init; } = 120m;

    /// <summary>The completion rate (percent) from which an over-achieved indicator loses points; null for never (the default).</summary>
    public decimal? OverAchievementReduceAt { get; init; }

    /// <summary>The share of the weight an indicator loses from <see cref="OverAchievementReduceAt"/> on (target set too low).</summary>
    public decimal OverAchievementReduceShare { get; init; }

    /// <summary>The execution rate (percent) below which budget execution must be explained (90).</summary>
    public decimal BudgetExplanationBelow { get; init; } = 90m;

    /// <summary>True when deductions (扣分) given in the actuals are subtracted from scores (floor 0).</summary>
    public bool AllowDeductions { get; init; } = true;

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
        Description = "National rules (财预〔2020〕10号) as the national budget-management platform scores them.",
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
        GradeBand? best = null;
        foreach (var band in Grades)
        {
            if (totalScore >= band.MinimumScore && (best is null || band.MinimumScore > best.MinimumScore))
            {
                best = band;
            }
        }

        return best ?? new GradeBand(decimal.MinValue, "none", "—", "—");
    }
}
