using System.Collections.Immutable;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.IndicatorBuilder;

namespace PerfEval.Tests.Scoring;

/// <summary>
/// Sections 4 to 6 of the domain rules, one rule per test, on indicator sets and actuals built in code.
/// W = weight, T = target, X = actual; every expected figure is worked out in the test.
/// </summary>
public sealed class ScoringRuleTests
{
    private const string SetId = "rules-2025";

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static IndicatorSet Set(params IndicatorDefinition[] indicators) => new()
    {
        Id = SetId,
        Name = "评分规则测试项目",
        Year = 2025,
        Indicators = [.. indicators],
    };

    private static ProgrammeActuals Actuals(BudgetActuals? budget, params IndicatorActual[] indicators) => new()
    {
        IndicatorSet = SetId,
        Budget = budget ?? new BudgetActuals { Available = 100m, Spent = 100m },
        Indicators = [.. indicators],
    };

    private static IndicatorActual Given(string id, string actual) => new() { Id = id, Actual = ActualValue.Parse(actual) };

    private static EvaluationResult Evaluate(IndicatorSet set, ProgrammeActuals actuals, ScoringPolicy? policy = null) =>
        new Evaluator(policy ?? ScoringPolicy.Mof2020).Evaluate(set, actuals);

    /// <summary>Evaluates a set of one indicator (weight 10 unless given) against one actual.</summary>
    private static (IndicatorResult Indicator, EvaluationResult Result) One(IndicatorDefinition d, IndicatorActual a, ScoringPolicy? policy = null)
    {
        var result = Evaluate(Set(d), Actuals(null, a), policy);
        return (result.Indicators.Single(), result);
    }

    private static decimal Number(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<Diagnostic> Errors(EvaluationResult r) => r.Findings.Where(f => f.Severity == DiagnosticSeverity.Error);

    // ---- more is better (≥) ----------------------------------------------------------------------------------

    [Fact]
    public void At_least_under_target_scores_weight_times_actual_over_target()
    {
        // X / T = 2070 / 2300 = 0.9 → 90.00 %; score 10 × 0.9 = 9.00.
        var (i, r) = One(Indicator("n", "≥2300"), Given("n", "2070"));

        i.ActualNumber.Should().Be(2070m);
        i.CompletionRate.Should().Be(90m);
        i.Score.Should().Be(9m);
        i.Status.Should().Be(IndicatorStatus.PartiallyMet);
        Errors(r).Should().BeEmpty();
    }

    [Fact]
    public void At_least_over_target_shows_the_full_ratio_but_scores_no_more_than_the_weight()
    {
        // 2781 / 2300 = 1.20913… → 120.91 %; the score is capped at W = 10.
        var (i, _) = One(Indicator("n", "≥2300"), Given("n", "2781"));

        i.CompletionRate.Should().Be(120.91m);
        i.Score.Should().Be(10m);
        i.Status.Should().Be(IndicatorStatus.Met);
    }

    [Fact]
    public void Greater_than_scores_like_at_least()
    {
        // 0.4 / 0.5 = 80 %; 10 × 0.8 = 8.
        var (i, _) = One(Indicator("n", "＞0.5", Level2.Economic), Given("n", "0.4"));

        i.CompletionRate.Should().Be(80m);
        i.Score.Should().Be(8m);
    }

    // ---- equal (＝) -------------------------------------------------------------------------------------------

    [Fact]
    public void Equal_with_a_positive_target_scores_as_more_is_better()
    {
        // ＝100 %, X = 95 %: 95 / 100 = 95.00 %, 10 × 0.95 = 9.50.
        var (i, _) = One(Indicator("n", "＝100%", Level2.Quality), Given("n", "95%"));

        i.CompletionRate.Should().Be(95m);
        i.Score.Should().Be(9.5m);
        i.Status.Should().Be(IndicatorStatus.PartiallyMet);
    }

    [Fact]
    public void Equal_to_zero_is_met_with_full_points_when_nothing_happened()
    {
        // ＝0 and X = 0: 100 % and W.
        var (i, _) = One(Indicator("n", "0", Level2.Social), Given("n", "0"));

        i.Target.Comparison.Should().Be(Comparison.Equal);
        i.CompletionRate.Should().Be(100m);
        i.Score.Should().Be(10m);
        i.Status.Should().Be(IndicatorStatus.Met);
    }

    [Fact]
    public void Equal_to_zero_scores_nothing_when_anything_happened()
    {
        // ＝0 and X = 2 incidents: 0 % and 0 points (no partial credit).
        var (i, _) = One(Indicator("n", "无", Level2.Social), Given("n", "2"));

        i.CompletionRate.Should().Be(0m);
        i.Score.Should().Be(0m);
        i.Status.Should().Be(IndicatorStatus.NotMet);
    }

    // ---- less is better (≤) ----------------------------------------------------------------------------------

    [Fact]
    public void At_most_met_scores_the_weight_with_completion_target_over_actual()
    {
        // T / X = 202.6 / 180 = 1.125555… → 112.56 %; X ≤ T → W.
        var (i, _) = One(Indicator("c", "≤202.6", Level2.Cost), Given("c", "180"));

        i.CompletionRate.Should().Be(112.56m);
        i.Score.Should().Be(10m);
        i.Status.Should().Be(IndicatorStatus.Met);
    }

    [Fact]
    public void At_most_with_nothing_spent_is_100_percent()
    {
        var (i, _) = One(Indicator("c", "≤200", Level2.Cost), Given("c", "0"));

        i.CompletionRate.Should().Be(100m, "T / X is undefined at X = 0; section 5 says 100 %");
        i.Score.Should().Be(10m);
    }

    [Fact]
    public void At_most_over_target_loses_points_linearly_up_to_twice_the_target_by_default()
    {
        // Platform convention: T = 100, X = 130 < 2T: W × (1 − (130 − 100) / 100) = 10 × 0.7 = 7.00.
        // Completion T / X = 100 / 130 = 0.769230… → 76.92 %.
        var (i, _) = One(Indicator("c", "≤100", Level2.Cost), Given("c", "130"));

        i.CompletionRate.Should().Be(76.92m);
        i.Score.Should().Be(7m);
        i.Status.Should().Be(IndicatorStatus.PartiallyMet);
    }

    [Theory]
    [InlineData("200", 50)]
    [InlineData("250", 40)]
    public void At_most_at_or_beyond_twice_the_target_scores_zero_by_default(string actual, double completion)
    {
        // X ≥ 2T = 200: 0 points. Completion T / X: 100 / 200 = 50 %, 100 / 250 = 40 %.
        var (i, _) = One(Indicator("c", "≤100", Level2.Cost), Given("c", actual));

        i.Score.Should().Be(0m);
        i.Status.Should().Be(IndicatorStatus.NotMet);
        i.CompletionRate.Should().Be((decimal)completion);
    }

    [Fact]
    public void At_most_over_target_scores_weight_times_target_over_actual_under_the_inverse_ratio_convention()
    {
        // Convention B: W × T / X = 10 × 100 / 125 = 8.00 (the platform convention would give 10 × 0.75 = 7.50).
        var policy = ScoringPolicy.Mof2020 with { LessIsBetter = LessIsBetterConvention.InverseRatio };
        var (i, _) = One(Indicator("c", "≤100", Level2.Cost), Given("c", "125"), policy);

        i.CompletionRate.Should().Be(80m);
        i.Score.Should().Be(8m);
        i.Status.Should().Be(IndicatorStatus.PartiallyMet);
    }

    [Fact]
    public void The_inverse_ratio_convention_still_gives_points_beyond_twice_the_target()
    {
        // 10 × 100 / 250 = 4.00, where the platform convention gives 0.
        var policy = ScoringPolicy.Mof2020 with { LessIsBetter = LessIsBetterConvention.InverseRatio };
        var (i, _) = One(Indicator("c", "≤100", Level2.Cost), Given("c", "250"), policy);

        i.Score.Should().Be(4m);
    }

    // ---- ranges ----------------------------------------------------------------------------------------------

    [Fact]
    public void A_range_is_met_inside_its_bounds()
    {
        var (i, _) = One(Indicator("r", "18—54周岁"), Given("r", "30"));

        i.Status.Should().Be(IndicatorStatus.Met);
        i.CompletionRate.Should().Be(100m);
        i.Score.Should().Be(10m);
    }

    [Fact]
    public void A_range_is_met_on_its_bounds()
    {
        One(Indicator("r", "18—54周岁"), Given("r", "18")).Indicator.Score.Should().Be(10m, "18 ≤ 18 ≤ 54");
        One(Indicator("r", "18—54周岁"), Given("r", "54")).Indicator.Score.Should().Be(10m, "18 ≤ 54 ≤ 54");
    }

    [Fact]
    public void Below_a_range_scores_as_more_is_better_against_the_lower_bound()
    {
        // 9 / 18 = 50 %; 10 × 0.5 = 5.
        var (i, _) = One(Indicator("r", "18—54周岁"), Given("r", "9"));

        i.CompletionRate.Should().Be(50m);
        i.Score.Should().Be(5m);
        i.Status.Should().Be(IndicatorStatus.PartiallyMet);
    }

    [Fact]
    public void Above_a_range_scores_as_less_is_better_against_the_upper_bound()
    {
        // X = 81 > 54: 10 × (1 − (81 − 54) / 54) = 10 × 0.5 = 5; completion 54 / 81 = 66.67 %.
        var (i, _) = One(Indicator("r", "18—54周岁"), Given("r", "81"));

        i.CompletionRate.Should().Be(66.67m);
        i.Score.Should().Be(5m);
        i.Status.Should().Be(IndicatorStatus.PartiallyMet);
    }

    // ---- deadlines -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("12月底前", "12月底前")]
    [InlineData("12月底前", "2025-11-20")]
    [InlineData("12月底前", "完成")]
    [InlineData("9月底前", "2025年9月30日")]
    public void A_deadline_kept_scores_the_weight(string target, string actual)
    {
        var (i, r) = One(Indicator("d", target, Level2.Timeliness), Given("d", actual));

        i.Status.Should().Be(IndicatorStatus.Met);
        i.CompletionRate.Should().Be(100m);
        i.Score.Should().Be(10m);
        Errors(r).Should().BeEmpty();
    }

    [Fact]
    public void A_deadline_missed_scores_zero()
    {
        var (i, _) = One(Indicator("d", "12月底前", Level2.Timeliness), Given("d", "未完成"));

        i.Status.Should().Be(IndicatorStatus.NotMet);
        i.CompletionRate.Should().Be(0m);
        i.Score.Should().Be(0m);
    }

    [Theory]
    [InlineData("2025-10-15")]
    [InlineData("2025年10月1日")]
    [InlineData("12月底前")]
    public void An_actual_date_after_the_deadline_scores_zero(string actual)
    {
        // 9月底前 means by 2025-09-30; 15 October, 1 October and "by the end of December" are all later.
        var (i, _) = One(Indicator("d", "9月底前", Level2.Timeliness), Given("d", actual));

        i.Status.Should().Be(IndicatorStatus.NotMet);
        i.Score.Should().Be(0m);
    }

    [Fact]
    public void The_29th_of_february_is_a_deadline_in_a_leap_year()
    {
        // 2024 is a leap year: 2月29日前 means by 2024-02-29, and 2024-02-20 is earlier.
        var set = Set(Indicator("d", "2月29日前", Level2.Timeliness)) with { Year = 2024 };
        var r = Evaluate(set, Actuals(null, Given("d", "2024-02-20")));

        r.Indicators.Single().Status.Should().Be(IndicatorStatus.Met);
        r.Indicators.Single().Score.Should().Be(10m);
    }

    [Fact]
    public void The_29th_of_february_in_a_non_leap_year_is_reported_not_thrown()
    {
        // 2025-02-29 does not exist: the target cannot be met or missed, so it is an invalid target (PE1008).
        var set = Set(Indicator("d", "2月29日前", Level2.Timeliness));
        EvaluationResult? r = null;

        var evaluate = () => r = Evaluate(set, Actuals(null, Given("d", "2025-02-20")));

        evaluate.Should().NotThrow("Evaluate never throws for bad input");
        r!.Findings.Should().Contain(f => f.Code == DiagnosticCodes.InvalidTarget && f.Path == "$.indicators[0].target");
        r.Indicators.Single().Score.Should().Be(0m);
    }

    // ---- qualitative -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(QualitativeGrade.Achieved, 10, IndicatorStatus.Met)]
    [InlineData(QualitativeGrade.Partial, 6, IndicatorStatus.PartiallyMet)]
    [InlineData(QualitativeGrade.NotAchieved, 0, IndicatorStatus.NotMet)]
    public void A_qualitative_grade_without_a_score_gives_its_band_default(QualitativeGrade grade, double score, IndicatorStatus status)
    {
        // W = 10: 达成 → W = 10; 部分达成 → the band's floor 0.6 W = 6; 未达成 → 0.
        var (i, _) = One(Indicator("q", "有效提升创业能力", Level2.Social), new IndicatorActual { Id = "q", Actual = ActualValue.Parse("有所提升"), Grade = grade });

        i.Grade.Should().Be(grade);
        i.GradeInferred.Should().BeFalse();
        i.Score.Should().Be((decimal)score);
        i.Status.Should().Be(status);
        i.CompletionRate.Should().BeNull("a qualitative target has no ratio");
    }

    [Fact]
    public void An_actual_that_repeats_the_qualitative_target_is_graded_achieved()
    {
        var (i, r) = One(Indicator("q", "有效提升创业能力", Level2.Social), Given("q", "有效提升创业能力"));

        i.Grade.Should().Be(QualitativeGrade.Achieved);
        i.GradeInferred.Should().BeTrue();
        i.Score.Should().Be(10m);
        i.Status.Should().Be(IndicatorStatus.Met);
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.GradeRequired);
    }

    [Fact]
    public void An_actual_that_neither_repeats_the_target_nor_gives_a_grade_asks_for_one()
    {
        var (i, r) = One(Indicator("q", "有效提升创业能力", Level2.Social), Given("q", "有所提升"));

        i.Grade.Should().BeNull();
        i.Score.Should().Be(0m);
        r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.GradeRequired)
            .Which.Severity.Should().Be(DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_preparers_score_inside_its_grade_band_is_used()
    {
        // 部分达成, W = 10: band [6, 8); 7 is inside.
        var (i, r) = One(
            Indicator("q", "有效提升创业能力", Level2.Social),
            new IndicatorActual { Id = "q", Actual = ActualValue.Parse("有所提升"), Grade = QualitativeGrade.Partial, Score = 7m });

        i.Score.Should().Be(7m);
        i.Status.Should().Be(IndicatorStatus.PartiallyMet);
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ScoreOutOfBand);
    }

    [Fact]
    public void A_preparers_score_outside_its_grade_band_is_reported_and_replaced_by_the_band_default()
    {
        // 部分达成, W = 10: band [6, 8); 9 is above it → PE2014 and the default 0.6 × 10 = 6.
        var (i, r) = One(
            Indicator("q", "有效提升创业能力", Level2.Social),
            new IndicatorActual { Id = "q", Actual = ActualValue.Parse("有所提升"), Grade = QualitativeGrade.Partial, Score = 9m });

        i.Score.Should().Be(6m);
        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ScoreOutOfBand).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.indicators.q.score");
        Number(finding.Arguments["low"]).Should().Be(6m, "0.6 × 10");
        Number(finding.Arguments["high"]).Should().Be(8m, "0.8 × 10");
        Number(finding.Arguments["used"]).Should().Be(6m);
    }

    [Fact]
    public void A_preparers_score_above_the_weight_is_reported_and_capped_at_the_weight()
    {
        // 达成, W = 10: band [8, 10]; 11 is above W → PE2014 and the default for 达成, W = 10.
        var (i, r) = One(
            Indicator("q", "有效提升创业能力", Level2.Social),
            new IndicatorActual { Id = "q", Actual = ActualValue.Parse("有效提升创业能力"), Grade = QualitativeGrade.Achieved, Score = 11m });

        i.Score.Should().Be(10m);
        r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ScoreOutOfBand);
    }

    [Fact]
    public void A_preparers_score_equal_to_the_upper_end_of_the_partial_band_is_outside_it()
    {
        // 部分达成 is [0.6 W, 0.8 W): 8 of 10 belongs to 达成, not to 部分达成.
        var (i, r) = One(
            Indicator("q", "有效提升创业能力", Level2.Social),
            new IndicatorActual { Id = "q", Actual = ActualValue.Parse("有所提升"), Grade = QualitativeGrade.Partial, Score = 8m });

        i.Score.Should().Be(6m);
        r.Findings.Should().Contain(f => f.Code == DiagnosticCodes.ScoreOutOfBand);
    }

    // ---- any score -------------------------------------------------------------------------------------------

    [Fact]
    public void A_negative_actual_counts_as_zero_and_is_reported()
    {
        // X = −5 counts as 0: 0 / 100 = 0 %, 0 points.
        var (i, r) = One(Indicator("n", "≥100"), Given("n", "-5"));

        i.ActualNumber.Should().Be(0m);
        i.CompletionRate.Should().Be(0m);
        i.Score.Should().Be(0m);
        i.Status.Should().Be(IndicatorStatus.NotMet);
        r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.NegativeActual)
            .Which.Arguments["actual"].Should().Be("-5");
    }

    [Fact]
    public void A_negative_actual_against_a_ceiling_counts_as_zero_and_is_met()
    {
        var (i, r) = One(Indicator("c", "≤200", Level2.Cost), Given("c", "-5"));

        i.ActualNumber.Should().Be(0m);
        i.Score.Should().Be(10m, "0 ≤ 200");
        r.Findings.Should().Contain(f => f.Code == DiagnosticCodes.NegativeActual);
    }

    // ---- weights ---------------------------------------------------------------------------------------------

    [Fact]
    public void A_not_applicable_indicator_weighs_nothing_and_its_levels_points_go_to_the_others()
    {
        // Output 50 points over three unweighted indicators would be 16.67 / 16.67 / 16.66; with one not
        // applicable the other two get 50 / 2 = 25 each. Benefit 30 and satisfaction 10 complete the 100.
        var set = Set(
            Indicator("a", "≥100", weight: null),
            Indicator("b", "≥100", weight: null),
            Indicator("c", "≥100", weight: null),
            Indicator("e", "有效提升", Level2.Social, weight: null),
            Indicator("s", "≥95%", Level2.Satisfaction, weight: null));
        var actuals = Actuals(
            null,
            Given("a", "100"),
            new IndicatorActual { Id = "b", NotApplicable = true },
            Given("c", "100"),
            Given("e", "有效提升"),
            Given("s", "96%"));

        var r = Evaluate(set, actuals);
        var b = r.Indicators.Single(i => i.Id == "b");

        b.Status.Should().Be(IndicatorStatus.NotApplicable);
        b.Weight.Should().Be(0m);
        b.Score.Should().Be(0m);
        b.CompletionRate.Should().BeNull();
        r.Indicators.Single(i => i.Id == "a").Weight.Should().Be(25m);
        r.Indicators.Single(i => i.Id == "c").Weight.Should().Be(25m);
        r.TotalWeight.Should().Be(100m);
        r.TotalScore.Should().Be(100m, "10 (budget 100 / 100) + 25 + 25 + 30 + 10");
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.WeightsDoNotAddUp || f.Code == DiagnosticCodes.MissingActual);
    }

    [Fact]
    public void A_not_applicable_indicator_with_an_explicit_weight_hands_its_points_to_the_rest()
    {
        // Weights 20 + 30 (output) + 30 (benefit) + 10 (satisfaction) + budget 10 = 100. When b (30) does not apply,
        // section 6 says: drop it and rescale the rest to 100. Whatever the rescaling, the total stays 100 and a
        // gains points.
        var set = Set(
            Indicator("a", "≥100", weight: 20m),
            Indicator("b", "≥100", weight: 30m),
            Indicator("e", "有效提升", Level2.Social, weight: 30m),
            Indicator("s", "≥95%", Level2.Satisfaction, weight: 10m));
        var actuals = Actuals(null, Given("a", "100"), new IndicatorActual { Id = "b", NotApplicable = true }, Given("e", "有效提升"), Given("s", "96%"));

        var r = Evaluate(set, actuals);

        r.Indicators.Single(i => i.Id == "b").Weight.Should().Be(0m);
        r.Indicators.Single(i => i.Id == "a").Weight.Should().BeGreaterThan(20m);
        r.TotalWeight.Should().Be(100m);
        r.TotalScore.Should().Be(100m, "every applicable indicator is met and the budget is fully executed");
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.WeightsDoNotAddUp);
    }

    [Fact]
    public void Explicit_weights_and_filled_weights_share_one_level()
    {
        // Output: a has 20 of 50; b and c share the remaining 30 → 15 each. Satisfaction 10 over three:
        // 1000 cents / 3 = 333 rest 1 → 3.34, 3.33, 3.33 (largest remainder, adds up to 10.00).
        var set = Set(
            Indicator("a", "≥100", weight: 20m),
            Indicator("b", "≥100", weight: null),
            Indicator("c", "≥100", weight: null),
            Indicator("e", "有效提升", Level2.Social, weight: null),
            Indicator("s1", "≥95%", Level2.Satisfaction, weight: null),
            Indicator("s2", "≥95%", Level2.Satisfaction, weight: null),
            Indicator("s3", "≥95%", Level2.Satisfaction, weight: null));
        var actuals = Actuals(null, Given("a", "100"), Given("b", "100"), Given("c", "50"), Given("e", "有效提升"), Given("s1", "96%"), Given("s2", "96%"), Given("s3", "96%"));

        var r = Evaluate(set, actuals);
        var w = r.Indicators.ToDictionary(i => i.Id);

        w["a"].Weight.Should().Be(20m);
        w["a"].WeightFilled.Should().BeFalse();
        w["b"].Weight.Should().Be(15m);
        w["b"].WeightFilled.Should().BeTrue();
        w["c"].Weight.Should().Be(15m);
        w["c"].Score.Should().Be(7.5m, "15 × 50 / 100");
        w["e"].Weight.Should().Be(30m);
        r.Indicators.Where(i => i.Level1 == Level1.Satisfaction).Select(i => i.Weight).Should().Equal(3.34m, 3.33m, 3.33m);
        r.TotalWeight.Should().Be(100m);
        r.TotalScore.Should().Be(92.5m, "10 + 20 + 15 + 7.5 + 30 + 10");
    }

    [Fact]
    public void Explicit_weights_above_the_levels_points_are_reported()
    {
        // Output is worth 50; a = 45 and b = 10 leave −5 for c.
        var set = Set(Indicator("a", "≥1", weight: 45m), Indicator("b", "≥1", weight: 10m), Indicator("c", "≥1", weight: null));
        var r = Evaluate(set, Actuals(null, Given("a", "1"), Given("b", "1"), Given("c", "1")));

        r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.LevelPointsExceeded)
            .Which.Severity.Should().Be(DiagnosticSeverity.Error);
        r.Indicators.Single(i => i.Id == "c").Weight.Should().Be(0m);
    }

    // ---- rounding --------------------------------------------------------------------------------------------

    [Fact]
    public void A_completion_rate_ending_in_exactly_half_a_hundredth_rounds_away_from_zero()
    {
        // 19929 / 20000 = 0.99645 exactly → 99.645 % → 99.65 (banker's rounding would give 99.64).
        var (i, _) = One(Indicator("n", "≥20000"), Given("n", "19929"));

        i.CompletionRate.Should().Be(99.65m);
    }

    [Fact]
    public void A_score_ending_in_exactly_half_a_hundredth_rounds_away_from_zero()
    {
        // 10 × 1993 / 2000 = 9.965 exactly → 9.97 (banker's rounding would give 9.96).
        var (i, _) = One(Indicator("n", "≥2000"), Given("n", "1993"));

        i.CompletionRate.Should().Be(99.65m);
        i.Score.Should().Be(9.97m);
    }

    // ---- budget execution ------------------------------------------------------------------------------------

    [Fact]
    public void Budget_execution_is_weight_times_spent_over_available()
    {
        // 3861.14 / 3877.67 = 0.995737… → 99.57 %; 10 × 0.995737 = 9.957… → 9.96.
        var r = Evaluate(Set(Indicator("n", "≥1")), Actuals(new BudgetActuals { Available = 3877.67m, Spent = 3861.14m }, Given("n", "1")));

        r.Budget.ExecutionRate.Should().Be(99.57m);
        r.Budget.Score.Should().Be(9.96m);
    }

    [Fact]
    public void Budget_execution_above_100_percent_caps_the_score_at_the_weight_and_is_reported()
    {
        // 110 / 100 = 110 %; the score is min(1, 1.1) × 10 = 10.
        var r = Evaluate(Set(Indicator("n", "≥1")), Actuals(new BudgetActuals { Available = 100m, Spent = 110m }, Given("n", "1")));

        r.Budget.ExecutionRate.Should().Be(110m);
        r.Budget.Score.Should().Be(10m);
        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.OverSpent).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Arguments["spent"].Should().Be("110");
        finding.Arguments["available"].Should().Be("100");
    }

    [Fact]
    public void An_available_budget_of_zero_gives_no_rate_and_no_points()
    {
        var r = Evaluate(Set(Indicator("n", "≥1")), Actuals(new BudgetActuals { Available = 0m, Spent = 0m }, Given("n", "1")));

        r.Budget.ExecutionRate.Should().BeNull("B / A is undefined at A = 0");
        r.Budget.Score.Should().Be(0m);
        r.Budget.Weight.Should().Be(10m);
    }

    [Fact]
    public void The_available_budget_is_the_sum_of_its_sources_when_no_total_is_given()
    {
        // 1409.70 + 366.55 + 226.78 + 316.56 + 1558.08 = 3877.67.
        var budget = new BudgetActuals
        {
            Spent = 3861.14m,
            Sources = [new("central", 1409.70m), new("region", 366.55m), new("league", 226.78m), new("county", 316.56m), new("carryover", 1558.08m)],
        };
        var r = Evaluate(Set(Indicator("n", "≥1")), Actuals(budget, Given("n", "1")));

        r.Budget.Available.Should().Be(3877.67m);
        r.Budget.ExecutionRate.Should().Be(99.57m);
    }

    // ---- computed actuals ------------------------------------------------------------------------------------

    [Fact]
    public void An_actual_is_computed_from_its_inputs()
    {
        // 2574 + 108 + 99 = 2781; 2781 / 2300 = 120.91 %.
        var d = Indicator("n", "≥2300", compute: "hardship + enterprises + publicJobs");
        var a = new IndicatorActual
        {
            Id = "n",
            Inputs = ImmutableDictionary.CreateRange([KeyValuePair.Create("hardship", 2574m), KeyValuePair.Create("enterprises", 108m), KeyValuePair.Create("publicJobs", 99m)]),
        };

        var (i, r) = One(d, a);

        i.ActualNumber.Should().Be(2781m);
        i.Actual!.Text.Should().Be("2781");
        i.CompletionRate.Should().Be(120.91m);
        i.Score.Should().Be(10m);
        Errors(r).Should().BeEmpty();
    }

    [Fact]
    public void A_stated_actual_that_disagrees_with_its_computed_value_is_reported_and_the_computed_value_counts()
    {
        // Stated 2780, computed 2574 + 108 + 99 = 2781.
        var d = Indicator("n", "≥2300", compute: "hardship + enterprises + publicJobs");
        var a = new IndicatorActual
        {
            Id = "n",
            Actual = ActualValue.FromNumber(2780m),
            Inputs = ImmutableDictionary.CreateRange([KeyValuePair.Create("hardship", 2574m), KeyValuePair.Create("enterprises", 108m), KeyValuePair.Create("publicJobs", 99m)]),
        };

        var (i, r) = One(d, a);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ComputedActualMismatch).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.indicators.n.actual");
        finding.Arguments["stated"].Should().Be("2780");
        finding.Arguments["computed"].Should().Be("2781");
        i.ActualNumber.Should().Be(2781m);
    }

    [Fact]
    public void A_missing_input_is_reported_and_the_indicator_scores_nothing()
    {
        var d = Indicator("n", "≥2300", compute: "hardship + enterprises + publicJobs");
        var a = new IndicatorActual
        {
            Id = "n",
            Inputs = ImmutableDictionary.CreateRange([KeyValuePair.Create("hardship", 2574m), KeyValuePair.Create("enterprises", 108m)]),
        };

        var (i, r) = One(d, a);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ExpressionFailed).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.indicators.n.inputs");
        finding.Arguments["reason"].Should().Contain("publicJobs");
        i.Status.Should().Be(IndicatorStatus.Missing);
        i.Score.Should().Be(0m);
        i.CompletionRate.Should().BeNull();
    }

    [Fact]
    public void A_division_by_zero_in_a_computed_actual_is_reported_not_thrown()
    {
        var d = Indicator("n", "≥95%", Level2.Quality, compute: "paid * 100 / due");
        var a = new IndicatorActual
        {
            Id = "n",
            Inputs = ImmutableDictionary.CreateRange([KeyValuePair.Create("paid", 10m), KeyValuePair.Create("due", 0m)]),
        };

        var (i, r) = One(d, a);

        r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ExpressionFailed);
        i.Score.Should().Be(0m);
    }
}
