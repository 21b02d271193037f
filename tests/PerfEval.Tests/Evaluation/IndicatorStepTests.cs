using System.Globalization;
using FluentAssertions;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The steps of an evaluation after the budget: matching the actuals to the set, each indicator's actual and status,
/// the totals of weights and scores, and the deviations of the budget and the indicators with what they trigger.
/// </summary>
public sealed class IndicatorStepTests
{
    private const string Set = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "indicators": [
            { "id": "trainees", "name": "培训人数", "level2": "quantity", "target": "≥400", "unit": "人", "weight": 40 },
            { "id": "rate", "name": "合格率", "level2": "quality", "target": "≥90%", "weight": 10 },
            { "id": "age", "name": "年龄", "level2": "social", "target": "18-54", "unit": "岁", "weight": 30 },
            { "id": "sat", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 } ] }
        """;

    private const string Met = """{ "trainees": 400, "rate": "95%", "age": 30, "sat": "95%" }""";

    private static EvaluationResult Evaluate(string indicators = Met, string budget = """{ "available": 100, "spent": 100 }""", string extra = "", ScoringPolicy? policy = null)
    {
        var s = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var a = PerfEvalJson.ReadActuals($$"""{ "indicatorSet": "s"{{extra}}, "budget": {{budget}}, "indicators": {{indicators}} }""", "actuals.json").GetValueOrThrow();
        return new Evaluator(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en"), Policy = policy ?? ScoringPolicy.Mof2020 }).Evaluate(s, a);
    }

    private static IndicatorResult Indicator(EvaluationResult r, string id) => r.Indicators.Single(i => i.Id == id);

    [Fact]
    public void Actuals_written_for_another_set_or_year_are_errors_that_name_both()
    {
        var r = Evaluate(extra: """, "year": 2024""");
        var set = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var other = PerfEvalJson.ReadActuals($$"""{ "indicatorSet": "other", "indicators": {{Met}} }""", "actuals.json").GetValueOrThrow();
        var otherSet = new Evaluator(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") }).Evaluate(set, other);

        var year = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.YearMismatch).Subject;
        (year.Path, year.Severity).Should().Be(("$.year", DiagnosticSeverity.Error));
        year.Arguments.Should().Contain(new Dictionary<string, string> { ["actual"] = "2024", ["set"] = "s", ["expected"] = "2025" });
        var mismatch = otherSet.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.IndicatorSetMismatch).Subject;
        (mismatch.Path, mismatch.Severity).Should().Be(("$.indicatorSet", DiagnosticSeverity.Error));
        mismatch.Arguments.Should().Contain(new Dictionary<string, string> { ["actual"] = "other", ["expected"] = "s" });
        Evaluate(extra: """, "year": 2025""").Findings.Should().NotContain(f => f.Code == DiagnosticCodes.YearMismatch || f.Code == DiagnosticCodes.IndicatorSetMismatch);
    }

    [Fact]
    public void An_actual_for_an_indicator_the_set_does_not_have_is_an_error_that_suggests_the_closest_id()
    {
        var r = Evaluate("""{ "trainees": 400, "rate": "95%", "age": 30, "sat": "95%", "trainee": 1 }""");

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.UnknownIndicator).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators.trainee", DiagnosticSeverity.Error));
        finding.Message.Should().Be("The indicator set 's' has no indicator 'trainee'. Did you mean 'trainees'?");
    }

    [Fact]
    public void An_indicator_marked_not_applicable_with_an_actual_ignores_the_actual_with_a_warning()
    {
        var r = Evaluate("""{ "trainees": { "actual": 400, "notApplicable": true }, "rate": "95%", "age": 30, "sat": "95%" }""");

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.NotApplicableWithActual).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators.trainees", DiagnosticSeverity.Warning));
        Indicator(r, "trainees").Should().Match<IndicatorResult>(i => i.Status == IndicatorStatus.NotApplicable && i.Actual == null && i.Score == 0m && i.Weight == 0m);
    }

    [Fact]
    public void An_indicator_marked_not_applicable_without_an_actual_raises_no_warning()
    {
        Evaluate("""{ "trainees": { "notApplicable": true }, "rate": "95%", "age": 30, "sat": "95%" }""").Findings
            .Should().NotContain(f => f.Code == DiagnosticCodes.NotApplicableWithActual);
    }

    [Fact]
    public void Weights_that_do_not_add_up_to_the_policys_total_are_a_warning_with_both_sums()
    {
        // 10 (budget) + 40 + 10 + 30 + 10 = 100, where a policy giving the output 60 points expects 110.
        var r = Evaluate(policy: ScoringPolicy.Mof2020 with { Name = "output-60", LevelPoints = ScoringPolicy.Mof2020.LevelPoints.SetItem(Level1.Output, 60m) });

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.WeightsDoNotAddUp).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators", DiagnosticSeverity.Warning));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["sum"] = "100", ["expected"] = "110" });
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.WeightsExceedTotal, "100 is below 110");
        Evaluate().Findings.Should().NotContain(f => f.Code == DiagnosticCodes.WeightsDoNotAddUp, "under mof-2020 they add up to 100");
    }

    [Fact]
    public void A_fraction_given_for_a_percent_target_is_a_warning()
    {
        var r = Evaluate("""{ "trainees": 400, "rate": 0.95, "age": 30, "sat": "95%" }""");
        var whole = Evaluate("""{ "trainees": 400, "rate": 1, "age": 30, "sat": "95%" }""");
        var above = Evaluate("""{ "trainees": 400, "rate": 1.5, "age": 30, "sat": "95%" }""");

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ActualNotComparable).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators.rate", DiagnosticSeverity.Warning));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["actual"] = "0.95", ["target"] = "≥90%" });
        whole.Findings.Should().Contain(f => f.Code == DiagnosticCodes.ActualNotComparable, "1 of a percent target is most likely 100 % written as a fraction");
        above.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ActualNotComparable);
    }

    [Fact]
    public void A_met_indicator_has_no_deviation_to_explain()
    {
        var trainees = Indicator(Evaluate(), "trainees");

        trainees.Deviation.Should().Match<Deviation>(d => d.Direction == DeviationDirection.None && d.Absolute == 0m && d.Relative == 0m && !d.ExplanationRequired);
    }

    [Fact]
    public void An_indicator_below_its_target_deviates_below_by_the_difference_and_must_be_explained()
    {
        // 343 of 400: 57 below, −14.25 %.
        var r = Evaluate("""{ "trainees": 343, "rate": "95%", "age": 30, "sat": "95%" }""");

        var d = Indicator(r, "trainees").Deviation;
        (d.Direction, d.Absolute, d.Relative).Should().Be((DeviationDirection.Below, -57m, -14.25m));
        d.Triggers.Should().Equal(ExplanationTrigger.PointsLost);
        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ExplanationMissing).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators.trainees", DiagnosticSeverity.Warning));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["name"] = "培训人数", ["id"] = "trainees", ["triggers"] = "points lost" });
    }

    [Fact]
    public void A_reason_given_by_the_preparer_explains_a_deviation()
    {
        var r = Evaluate("""{ "trainees": { "actual": 343, "reason": "部分学员未报到" }, "rate": "95%", "age": 30, "sat": "95%" }""");

        Indicator(r, "trainees").Deviation.Reasons.Should().ContainSingle().Which.Text.Should().Be("部分学员未报到");
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExplanationMissing);
    }

    [Fact]
    public void An_over_achievement_from_120_percent_must_be_explained()
    {
        // 480 of 400 is exactly 120 %; 479 is 119.75 %.
        var at = Indicator(Evaluate("""{ "trainees": 480, "rate": "95%", "age": 30, "sat": "95%" }"""), "trainees").Deviation;
        var below = Indicator(Evaluate("""{ "trainees": 479, "rate": "95%", "age": 30, "sat": "95%" }"""), "trainees").Deviation;

        (at.Direction, at.Absolute, at.Relative).Should().Be((DeviationDirection.Above, 80m, 20m));
        at.Triggers.Should().Equal(ExplanationTrigger.OverAchievement);
        below.Triggers.Should().BeEmpty();
    }

    [Theory]
    [InlineData("10", "Below", "-8", "-44.44")]
    [InlineData("60", "Above", "6", "11.11")]
    [InlineData("18", "None", "0", "0")]
    [InlineData("54", "None", "0", "0")]
    [InlineData("30", "None", "0", "0")]
    public void A_range_deviates_from_the_bound_it_lies_beyond(string actual, string direction, string absolute, string relative)
    {
        var d = Indicator(Evaluate($$"""{ "trainees": 400, "rate": "95%", "age": {{actual}}, "sat": "95%" }"""), "age").Deviation;

        d.Direction.Should().Be(Enum.Parse<DeviationDirection>(direction));
        d.Absolute.Should().Be(decimal.Parse(absolute, CultureInfo.InvariantCulture));
        d.Relative.Should().Be(decimal.Parse(relative, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_qualitative_or_missing_indicator_has_a_direction_but_no_figures()
    {
        var r = Evaluate("""{ "trainees": 400, "rate": "95%", "sat": "95%" }""");

        Indicator(r, "age").Deviation.Should().Match<Deviation>(d => d.Direction == DeviationDirection.None && d.Absolute == null && d.Relative == null);
    }

    [Fact]
    public void The_budgets_deviation_is_spending_less_the_available_budget()
    {
        // 85 of 100: 15 below, −15 %, under the 90 % from which no explanation is needed.
        var r = Evaluate(budget: """{ "available": 100, "spent": 85 }""");

        var d = r.Budget.Deviation;
        (d.Direction, d.Absolute, d.Relative).Should().Be((DeviationDirection.Below, -15m, -15m));
        d.Triggers.Should().Equal(ExplanationTrigger.BudgetUnderExecution);
        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ExplanationMissing).Subject;
        (finding.Path, finding.Arguments["id"], finding.Arguments["name"], finding.Arguments["triggers"]).Should().Be(("$.budget", "budget", "budget execution", "budget execution below the threshold"));
    }

    [Theory]
    [InlineData("90", false)]
    [InlineData("89.99", true)]
    [InlineData("110", false)]
    public void Budget_execution_must_be_explained_below_90_percent(string spent, bool explain)
    {
        var r = Evaluate(budget: $$"""{ "available": 100, "spent": {{spent}} }""");

        r.Budget.Deviation.ExplanationRequired.Should().Be(explain);
        r.Budget.Deviation.Direction.Should().Be(spent == "110" ? DeviationDirection.Above : DeviationDirection.Below);
    }

    [Fact]
    public void A_budget_with_nothing_available_has_no_rate_and_must_be_explained()
    {
        var d = Evaluate(budget: """{ "available": 0, "spent": 0 }""").Budget.Deviation;

        (d.Direction, d.Absolute, d.Relative).Should().Be((DeviationDirection.None, 0m, (decimal?)null));
        d.ExplanationRequired.Should().BeTrue();
    }

    [Fact]
    public void A_budget_reason_given_by_the_preparer_explains_the_budgets_deviation()
    {
        var r = Evaluate(budget: """{ "available": 100, "spent": 85, "reason": "部分资金结转下年", "measures": " 加快执行 " }""");

        var reason = r.Budget.Deviation.Reasons.Should().ContainSingle().Subject;
        (reason.Text, reason.Measures, reason.Source, reason.Category).Should().Be(("部分资金结转下年", "加快执行", ReasonSource.Preparer, "other"));
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExplanationMissing);
    }
}
