using FluentAssertions;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;

namespace PerfEval.Tests.Golden;

/// <summary>
/// The 2025 self-evaluation report of 扎兰屯市就业补助资金 (shared/seed), recomputed from the JSON in
/// rules/examples/zalantun-employment-2025. Every figure the report prints is asserted; where the report is
/// wrong, the test says so and asserts what the figure really is.
/// </summary>
public sealed class ZalantunReportTests : IClassFixture<SeedExample>
{
    private readonly SeedExample _seed;

    public ZalantunReportTests(SeedExample seed) => _seed = seed;

    [Fact]
    public void The_example_loads_without_any_diagnostic()
    {
        _seed.Load.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void The_only_findings_are_the_two_over_achievements_the_report_does_not_explain()
    {
        _seed.Result.HasErrors.Should().BeFalse();
        _seed.Result.Findings.Select(f => (f.Code, f.Severity, f.Path)).Should().Equal(
            ("PE3001", DiagnosticSeverity.Warning, "$.indicators.si-subsidy-recipients"),
            ("PE3001", DiagnosticSeverity.Warning, "$.indicators.new-urban-jobs"));
    }

    [Fact]
    public void The_deviation_list_is_the_four_unmet_indicators_and_the_two_over_achievements()
    {
        var required = _seed.Result.Indicators.Where(i => i.Deviation.ExplanationRequired)
            .Select(i => (i.Id, i.CompletionRate, string.Join(",", i.Deviation.Triggers)));

        required.Should().Equal(
            ("si-subsidy-recipients", 120.91m, "OverAchievement"),
            ("intern-subsidy-recipients", 40.71m, "PointsLost"),
            ("sme-recruit-medical-checks", 0m, "PointsLost"),
            ("sme-medical-check-deadline", 0m, "PointsLost"),
            ("new-urban-jobs", 122.73m, "OverAchievement"),
            ("hardship-employment", 95.26m, "PointsLost"));
        _seed.Result.Budget.Deviation.ExplanationRequired.Should().BeFalse("99.57 % is above the 90 % threshold");
    }

    [Fact]
    public void The_unmet_indicators_carry_the_reports_own_reasons_marked_as_the_preparers()
    {
        var unmet = _seed.Result.Indicators.Where(i => i.Deviation.Triggers.Contains(ExplanationTrigger.PointsLost)).ToList();

        unmet.Should().OnlyContain(i => i.Deviation.Reasons.Count(r => r.Source == ReasonSource.Preparer) == 1);
        _seed.Indicator("hardship-employment").Deviation.Reasons.Single().Should().Match<DeviationReason>(r =>
            r.Category == "externalChange" && r.Text.Contains("申请认定就业困难人员减少") && r.Measures!.Contains("加大就业政策宣传力度"));
        _seed.Indicator("sme-recruit-medical-checks").Deviation.Reasons.Single().Category.Should().Be("notStarted");
    }

    [Fact]
    public void Deviations_are_measured_against_the_target_in_its_unit_and_in_percent()
    {
        var hardship = _seed.Indicator("hardship-employment").Deviation;
        hardship.Direction.Should().Be(DeviationDirection.Below);
        hardship.Absolute.Should().Be(-18m, "362 − 380");
        hardship.Relative.Should().Be(-4.74m, "−18 / 380 = −4.736… %");

        var jobs = _seed.Indicator("new-urban-jobs").Deviation;
        jobs.Direction.Should().Be(DeviationDirection.Above);
        jobs.Absolute.Should().Be(75m);
        jobs.Relative.Should().Be(22.73m);

        _seed.Result.Budget.Deviation.Absolute.Should().Be(-16.53m, "3861.14 − 3877.67");
    }

    [Fact]
    public void The_five_sources_add_up_to_3877_67()
    {
        var budget = _seed.Result.Budget;
        budget.Sources.Select(s => (s.Name, s.Amount)).Should().Equal(
            ("中央财政资金", 1409.70m), ("自治区财政资金", 366.55m), ("盟市财政资金", 226.78m), ("旗县财政资金", 316.56m), ("上年结余资金", 1558.08m));
        budget.Available.Should().Be(3877.67m);
        budget.Sources.Sum(s => s.Amount).Should().Be(3877.67m);
    }

    [Fact]
    public void Spending_is_3861_14_and_the_execution_rate_is_99_57_percent()
    {
        var budget = _seed.Result.Budget;
        budget.Spent.Should().Be(3861.14m);
        budget.ExecutionRate.Should().Be(99.57m);
        budget.Weight.Should().Be(10m);
        budget.Score.Should().Be(9.96m, "10 × 3861.14 / 3877.67 = 9.957… rounds half away from zero to 9.96");
    }

    [Fact]
    public void The_six_spending_shares_are_those_printed_except_other_which_the_report_forces_to_24_27()
    {
        var shares = _seed.Result.Budget.Expenditures.ToDictionary(e => e.Name, e => e.Share);
        shares["就业创业服务补助"].Should().Be(1.61m);
        shares["社会保险补贴"].Should().Be(56.72m);
        shares["公益性岗位补贴"].Should().Be(16.16m);
        shares["就业见习补贴"].Should().Be(1.11m);
        shares["一次性创业补贴"].Should().Be(0.13m);

        // The report prints 24.27 %, which makes the six shares add up to 100.00 %; 937.56 / 3861.14 is 24.2819… %.
        shares["其他就业补助支出"].Should().Be(24.28m);
        shares.Values.Sum().Should().Be(100.01m, "correctly rounded shares need not add up to 100");
    }

    [Theory]
    [InlineData("si-subsidy-recipients", "≥2300", "2781", 120.91)]
    [InlineData("intern-subsidy-recipients", "≥113", "46", 40.71)]
    [InlineData("public-job-subsidy-recipients", "≥90", "99", 110)]
    [InlineData("startup-subsidy-recipients", "≥5", "5", 100)]
    [InlineData("labour-assistant-subsidy-recipients", "≥100", "108", 108)]
    [InlineData("sme-recruits", "≥60", "60", 100)]
    [InlineData("sme-recruit-medical-checks", "≥60", "0", 0)]
    [InlineData("volunteer-recruits", "≥60", "60", 100)]
    [InlineData("volunteer-pre-job-training", "≥60", "60", 100)]
    [InlineData("labour-assistant-payment-rate", "≥100%", "100%", 100)]
    [InlineData("sme-payment-accuracy", "≥100%", "100%", 100)]
    [InlineData("volunteer-reporting-rate", "≥100%", "100%", 100)]
    [InlineData("volunteer-medical-check-rate", "≥100%", "100%", 100)]
    [InlineData("funds-allocated-on-time", "＝100%", "100%", 100)]
    [InlineData("sme-recruitment-deadline", "12月底前", "12月底前", 100)]
    [InlineData("sme-medical-check-deadline", "12月底前", "未完成", 0)]
    [InlineData("volunteer-recruitment-deadline", "12月底前", "12月底前", 100)]
    [InlineData("volunteer-training-deadline", "9月底前", "9月底前", 100)]
    [InlineData("new-urban-jobs", "≥330", "405", 122.73)]
    [InlineData("reemployment", "≥370", "408", 110.27)]
    [InlineData("hardship-employment", "≥380", "362", 95.26)]
    [InlineData("zero-employment-household-support", "≥100%", "100%", 100)]
    [InlineData("volunteer-graduate-employment", "≥60", "60", 100)]
    [InlineData("sme-graduate-employment", "≥60", "60", 100)]
    public void Every_completion_rate_the_report_prints_is_reproduced(string id, string target, string actual, double completionRate)
    {
        var indicator = _seed.Indicator(id);
        indicator.Target.Display.Should().Be(target);
        indicator.Actual!.Text.Should().Be(actual);
        indicator.CompletionRate.Should().Be((decimal)completionRate);
    }

    [Fact]
    public void The_social_insurance_recipients_are_computed_from_their_three_sub_counts()
    {
        var indicator = _seed.Indicator("si-subsidy-recipients");
        indicator.ActualNumber.Should().Be(2781m, "2574 people with employment difficulties + 108 hired by enterprises + 99 in public-welfare jobs");
    }

    [Fact]
    public void The_report_prints_100_percent_for_the_education_standard_but_a_qualitative_target_has_no_ratio()
    {
        var indicator = _seed.Indicator("sme-education-standard");
        indicator.Target.Comparison.Should().Be(Comparison.Qualitative);
        indicator.CompletionRate.Should().BeNull();
        indicator.Status.Should().Be(IndicatorStatus.Met);
        indicator.GradeInferred.Should().BeTrue("the actual 大专及以上 repeats the target");
    }

    [Fact]
    public void Exactly_four_indicators_are_unmet_although_the_report_concludes_all_targets_were_fully_met()
    {
        _seed.Result.Indicators.Where(i => i.Status != IndicatorStatus.Met).Select(i => (i.Id, i.Status)).Should().Equal(
            ("intern-subsidy-recipients", IndicatorStatus.PartiallyMet),
            ("sme-recruit-medical-checks", IndicatorStatus.NotMet),
            ("sme-medical-check-deadline", IndicatorStatus.NotMet),
            ("hardship-employment", IndicatorStatus.PartiallyMet));
    }

    [Fact]
    public void Every_indicator_of_the_report_is_encoded_in_all_eight_level2_groups_and_three_programmes()
    {
        var indicators = _seed.Result.Indicators;
        indicators.Should().HaveCount(47);
        indicators.Select(i => i.Level2).Distinct().Should().BeEquivalentTo(
            [Level2.Quantity, Level2.Quality, Level2.Timeliness, Level2.Cost, Level2.Economic, Level2.Social, Level2.Sustainability, Level2.Satisfaction]);
        indicators.Select(i => i.Program).Distinct().Should().HaveCount(3);
        indicators.Count(i => i.Level1 == Level1.Output).Should().Be(28);
        indicators.Count(i => i.Level1 == Level1.Benefit).Should().Be(14);
        indicators.Count(i => i.Level1 == Level1.Satisfaction).Should().Be(5);
    }

    [Fact]
    public void Weights_left_out_are_filled_evenly_per_level_to_the_cent_and_add_up_to_100()
    {
        var indicators = _seed.Result.Indicators;
        indicators.Should().OnlyContain(i => i.WeightFilled);
        indicators.Where(i => i.Level1 == Level1.Output).Sum(i => i.Weight).Should().Be(50m);
        indicators.Where(i => i.Level1 == Level1.Output).Select(i => i.Weight).Distinct().Should().BeEquivalentTo([1.79m, 1.78m], "50 / 28 = 1.7857…");
        indicators.Where(i => i.Level1 == Level1.Benefit).Sum(i => i.Weight).Should().Be(30m);
        indicators.Where(i => i.Level1 == Level1.Satisfaction).Should().OnlyContain(i => i.Weight == 2m);
        _seed.Result.TotalWeight.Should().Be(100m);
    }

    [Fact]
    public void Unmet_indicators_score_weight_times_completion_and_the_total_is_95_23_grade_you()
    {
        _seed.Indicator("intern-subsidy-recipients").Score.Should().Be(0.73m, "1.79 × 46 / 113 = 0.7287");
        _seed.Indicator("sme-recruit-medical-checks").Score.Should().Be(0m);
        _seed.Indicator("sme-medical-check-deadline").Score.Should().Be(0m);
        _seed.Indicator("hardship-employment").Score.Should().Be(2.05m, "2.15 × 362 / 380 = 2.0482");
        _seed.Result.TotalScore.Should().Be(95.23m, "9.96 + (50 − 1.79 + 0.73 − 1.79 − 1.78) + (30 − 2.15 + 2.05) + 10");
        _seed.Result.Grade.Label.Should().Be("优");
        _seed.Result.Policy.Should().Be("mof-2020");
    }

    [Fact]
    public void A_cost_standard_with_nothing_spent_is_met_under_less_is_better()
    {
        var fee = _seed.Indicator("sme-medical-check-fee");
        fee.Target.Display.Should().Be("≤200");
        fee.Target.ComparisonInferred.Should().BeTrue();
        fee.CompletionRate.Should().Be(100m);
        fee.Status.Should().Be(IndicatorStatus.Met);
        fee.Reason.Should().Contain("未开展人才储备体检工作");
    }

    [Fact]
    public void The_preparers_reasons_travel_with_the_unmet_indicators()
    {
        _seed.Indicator("intern-subsidy-recipients").Reason.Should().Contain("未达到发放补贴时间或条件");
        _seed.Indicator("hardship-employment").Reason.Should().Contain("申请认定就业困难人员减少");
        _seed.Indicator("hardship-employment").Measures.Should().Contain("加大就业政策宣传力度");
    }

    [Fact]
    public void No_incidents_against_a_zero_ceiling_is_met()
    {
        var incidents = _seed.Indicator("mass-incidents");
        incidents.Target.Display.Should().Be("≤0");
        incidents.ActualNumber.Should().Be(0m);
        incidents.Status.Should().Be(IndicatorStatus.Met);
    }

    [Fact]
    public void Satisfaction_of_98_percent_against_at_least_95_completes_103_16_percent()
    {
        _seed.Indicator("policy-satisfaction").CompletionRate.Should().Be(103.16m);
        _seed.Indicator("policy-satisfaction").Score.Should().Be(2m);
    }
}
