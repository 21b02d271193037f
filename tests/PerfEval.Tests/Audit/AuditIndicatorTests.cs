using System.Globalization;
using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace PerfEval.Tests.Audit;

/// <summary>
/// The audit of the figures a report states for each indicator: completion rates recomputed from the exact ratio or
/// printed as 100 % and 0 % for graded indicators, scores against their grade's band and their weight, the policy the
/// bands come from, and which findings come first.
/// </summary>
public sealed class AuditIndicatorTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    // ≤10 (8 → T / X = 125 %), 1 of 3 (33.333… %), a qualitative target repeated (achieved), one graded not achieved, a
    // numeric target met in words and graded achieved.
    private const string Set = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "indicators": [
            { "id": "le", "name": "投诉件数", "level2": "quality", "target": "≤10", "unit": "件", "weight": 10 },
            { "id": "third", "name": "建成座数", "level2": "quantity", "target": "3", "unit": "座", "weight": 30 },
            { "id": "qa", "name": "服务质量", "level2": "social", "target": "明显提升", "weight": 15 },
            { "id": "qn", "name": "群众认可", "level2": "social", "target": "明显提升", "weight": 15 },
            { "id": "w", "name": "覆盖人数", "level2": "quantity", "target": "100", "unit": "人", "weight": 10 } ] }
        """;

    private const string Indicators = """
        { "le": 8, "third": 1, "qa": "明显提升", "qn": { "actual": "无明显变化", "grade": "notAchieved" },
          "w": { "actual": "全部覆盖", "grade": "achieved" } }
        """;

    private static AuditResult AuditOf(string stated, string indicators = Indicators, ScoringPolicy? policy = null, ScoringPolicy? auditPolicy = null)
    {
        var set = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(
            $$"""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": {{indicators}}, "stated": {{stated}} }""", "actuals.json").GetValueOrThrow();
        return Auditor.Audit(new Evaluator(policy ?? ScoringPolicy.Mof2020).Evaluate(set, actuals), actuals, auditPolicy, English);
    }

    private static StatedComparison Comparison(AuditResult audit, string path) => audit.Comparisons.Should().ContainSingle(c => c.Path == path).Subject;

    [Fact]
    public void A_completion_rate_is_recomputed_from_the_exact_ratio_not_from_the_rounded_rate()
    {
        // 1 of 3 is 33.333… %: the table shows 33.33, and a report stating 33.333 is right.
        var audit = AuditOf("""{ "completionRates": { "third": 33.333 } }""");

        Comparison(audit, "$.stated.completionRates.third").Should().Be(new StatedComparison
        {
            Path = "$.stated.completionRates.third", Label = "建成座数 completion rate", Stated = "33.333", Recomputed = "33.333", Exact = "33.333333…", Agrees = true,
        });
    }

    [Fact]
    public void The_completion_rate_of_a_ceiling_is_the_target_over_the_actual()
    {
        // ≤10 with 8: 10 / 8 = 125 %.
        Comparison(AuditOf("""{ "completionRates": { "le": 125 } }"""), "$.stated.completionRates.le").Should().Match<StatedComparison>(c => c.Agrees && c.Exact == "125");
        Comparison(AuditOf("""{ "completionRates": { "le": 80 } }"""), "$.stated.completionRates.le").Agrees.Should().BeFalse("8 / 10 is the wrong way round");
    }

    [Fact]
    public void A_graded_indicator_is_taken_as_100_percent_when_achieved_and_0_percent_when_not()
    {
        var audit = AuditOf("""{ "completionRates": { "qa": 100, "qn": 0, "w": 100 } }""");

        audit.Comparisons.Select(c => (c.Path, c.Recomputed, c.Agrees)).Should().Equal(
            ("$.stated.completionRates.qa", "100", true),
            ("$.stated.completionRates.qn", "0", true),
            ("$.stated.completionRates.w", "100", true));
    }

    [Fact]
    public void A_partially_achieved_qualitative_indicator_has_no_completion_rate_to_agree_with()
    {
        var audit = AuditOf("""{ "completionRates": { "qa": 60 } }""", """{ "le": 8, "third": 1, "qa": { "actual": "有所提升", "grade": "partial" }, "qn": "明显提升", "w": 100 }""");

        Comparison(audit, "$.stated.completionRates.qa").Should().Match<StatedComparison>(c => !c.Agrees && c.Recomputed == "—" && c.Exact == "—");
    }

    [Fact]
    public void Stated_figures_are_compared_in_the_order_of_the_sets_indicators_then_unknown_ids_by_name()
    {
        var audit = AuditOf("""{ "scores": { "w": 10, "zz": 1, "le": 10, "aa": 1, "third": 10 } }""");

        audit.Comparisons.Select(c => c.Path).Should().Equal("$.stated.scores.le", "$.stated.scores.third", "$.stated.scores.w");
        audit.Findings.Where(f => f.Code == DiagnosticCodes.StatedUnknownItem).Select(f => f.Path).Should().Equal("$.stated.scores.aa", "$.stated.scores.zz");
    }

    [Fact]
    public void A_stated_score_is_compared_with_the_recomputed_score_under_its_name()
    {
        // 1 of 3 with weight 30: 10 points.
        var audit = AuditOf("""{ "scores": { "third": 10.5 } }""");

        Comparison(audit, "$.stated.scores.third").Should().Match<StatedComparison>(c => !c.Agrees && c.Label == "建成座数 score" && c.Recomputed == "10.0");
    }

    [Fact]
    public void A_not_achieved_grades_band_runs_from_0_to_just_below_the_partial_floor()
    {
        // Weight 15: [0, 9).
        var inside = AuditOf("""{ "scores": { "qn": 8.99 } }""");
        var outside = AuditOf("""{ "scores": { "qn": 9 } }""");

        inside.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.StatedScoreOutOfBand);
        var finding = outside.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.StatedScoreOutOfBand).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["name"] = "群众认可", ["stated"] = "9", ["low"] = "0", ["high"] = "9", ["grade"] = "not achieved" });
        finding.Message.Should().Be("'群众认可' is stated to score 9, outside [0, 9], the band of its grade 'not achieved'.");
    }

    [Fact]
    public void A_score_stated_for_an_indicator_without_a_grade_is_not_checked_against_a_band()
    {
        AuditOf("""{ "scores": { "third": 1 } }""").Findings.Should().NotContain(f => f.Code == DiagnosticCodes.StatedScoreOutOfBand);
    }

    [Fact]
    public void The_bands_are_those_of_the_policy_the_evaluation_used_unless_the_audit_is_given_another()
    {
        // Partial floor 0.5: a partial grade of weight 15 lies in [7.5, 12); under mof-2020 in [9, 12).
        var lower = ScoringPolicy.Mof2020 with { Name = "lower", PartialFloor = 0.5m };
        const string partial = """{ "le": 8, "third": 1, "qa": "明显提升", "qn": { "actual": "有所提升", "grade": "partial" }, "w": 100 }""";

        AuditOf("""{ "scores": { "qn": 8 } }""", partial, lower).Findings.Should().NotContain(f => f.Code == DiagnosticCodes.StatedScoreOutOfBand);
        AuditOf("""{ "scores": { "qn": 8 } }""", partial, lower, ScoringPolicy.Mof2020).Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.StatedScoreOutOfBand)
            .Which.Arguments["low"].Should().Be("9");
    }

    [Fact]
    public void A_met_indicator_whose_score_was_lowered_by_a_deduction_is_not_flagged_for_a_stated_score_below_its_weight()
    {
        // 覆盖人数 met (100 of 100) but 2 points deducted: it scores 8, and a report stating 8 is right.
        var audit = AuditOf("""{ "scores": { "w": 8 } }""", """{ "le": 8, "third": 1, "qa": "明显提升", "qn": "明显提升", "w": { "actual": 100, "deduction": 2 } }""");

        audit.Evaluation.Indicators.Single(i => i.Id == "w").Score.Should().Be(8m);
        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.MetButScoredBelowWeight);
        Comparison(audit, "$.stated.scores.w").Agrees.Should().BeTrue();
    }

    [Fact]
    public void A_warning_against_a_figure_does_not_mark_its_comparison_as_disagreeing()
    {
        // 9.99996 is 10.0000 at four decimals, so it agrees with the recomputed 10; being below the weight is only a warning.
        var audit = AuditOf("""{ "scores": { "le": 9.99996 } }""");

        audit.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.MetButScoredBelowWeight).Which.Severity.Should().Be(DiagnosticSeverity.Warning);
        Comparison(audit, "$.stated.scores.le").Agrees.Should().BeTrue();
    }

    [Fact]
    public void The_audits_findings_come_before_the_evaluations_own()
    {
        var audit = AuditOf("""{ "scores": { "third": 11 } }""");

        audit.Evaluation.Findings.Should().NotBeEmpty("the weights add up to 90, not 100");
        audit.Findings.Should().Equal([.. audit.Findings.Take(audit.Findings.Length - audit.Evaluation.Findings.Length), .. audit.Evaluation.Findings]);
        audit.Findings[0].Code.Should().Be(DiagnosticCodes.StatedFigureDisagrees);
        audit.Findings.Length.Should().BeGreaterThan(audit.Evaluation.Findings.Length);
    }

    [Fact]
    public void The_audit_writes_its_findings_in_the_language_it_is_given()
    {
        var set = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(
            $$"""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": {{Indicators}}, "stated": { "executionRate": 90 } }""", "actuals.json").GetValueOrThrow();
        var evaluation = new Evaluator().Evaluate(set, actuals);

        Auditor.Audit(evaluation, actuals, culture: CultureInfo.GetCultureInfo("zh-CN")).Comparisons.Single().Label.Should().Be("执行率");
        Auditor.Audit(evaluation, actuals, culture: English).Comparisons.Single().Label.Should().Be("execution rate");
    }
}
