using FluentAssertions;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.EvaluationFiles;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The reasons of an indicator's deviation: the values its rules read, the indicators the rules skip, where a rule's
/// finding points for an indicator the actuals leave out, and what the preparer's reason, measures and category count for.
/// </summary>
public sealed class IndicatorReasonTests
{
    private const string Rules = """
        ,
          "reasonRules": [
            { "id": "values", "when": "score >= 0", "category": "data", "text": "{id}:{upper}|{score}|{deviation}|{relativeDeviation}|{executionRate}|{available}|{spent}|{lessIsBetter}|{percent}|{program}" }
          ],
          "consistencyRules": [
            { "id": "absent-check", "indicators": [ "absent" ], "expression": "actual >= 0", "code": "ZL020" }
          ]
        """;

    private static string Set(string rules = "") => $$"""
        {
          "id": "s",
          "name": "测试项目",
          "year": 2025,
          "indicators": [
            { "id": "age", "name": "年龄", "program": "就业培训", "level2": "quality", "target": "18-54", "unit": "岁", "weight": 20 },
            { "id": "cost", "name": "人均成本", "level2": "quality", "target": "≤100", "unit": "元", "weight": 10 },
            { "id": "rate", "name": "合格率", "level2": "quality", "target": "≥90%", "weight": 10 },
            { "id": "gone", "name": "停办活动", "level2": "quantity", "target": "≥5", "unit": "次" },
            { "id": "absent", "name": "未报指标", "level2": "quantity", "target": "≥5", "unit": "次", "weight": 5 },
            { "id": "sat", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 }
          ]{{rules}}
        }
        """;

    private static string Actuals(string cost = "80", string sat = "\"95%\"") => $$"""
        {
          "indicatorSet": "s",
          "budget": { "available": 100, "spent": 80 },
          "indicators": {
            "age": 60,
            "cost": {{cost}},
            "rate": 95,
            "gone": { "notApplicable": true },
            "sat": {{sat}}
          }
        }
        """;

    private static IndicatorResult Indicator(EvaluationResult r, string id) => r.Indicators.Single(i => i.Id == id);

    [Fact]
    public void An_indicator_rule_reads_the_indicators_figures_its_deviation_and_the_budgets()
    {
        var r = Evaluate(Set(Rules), Actuals());

        Indicator(r, "age").Deviation.Reasons.Select(x => x.Text).Should().Equal("age:54|17.78|6|11.11|80|100|80|false|false|就业培训");
        Indicator(r, "cost").Deviation.Reasons.Select(x => x.Text).Should().Equal("cost:—|10|-20|-20|80|100|80|true|false|—");
        Indicator(r, "rate").Deviation.Reasons.Select(x => x.Text).Should().Equal("rate:—|10|5|5.56|80|100|80|false|true|—");
    }

    [Fact]
    public void The_rules_skip_an_indicator_that_does_not_apply()
    {
        Indicator(Evaluate(Set(Rules), Actuals()), "gone").Deviation.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void A_rule_aimed_at_an_indicator_the_actuals_leave_out_is_reported_at_the_indicator_in_the_set()
    {
        var set = Set(Rules);

        var finding = Evaluate(set, Actuals()).Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.RuleFailed).Subject;

        finding.Place().Should().Be(("$.indicators[4]", SetFile, LineOf(set, "\"absent\"")));
        finding.Arguments["rule"].Should().Be("absent-check");
    }

    [Fact]
    public void Measures_without_a_reason_do_not_explain_points_lost()
    {
        var r = Evaluate(Set(), Actuals(cost: """{ "actual": 150, "measures": "压缩开支" }"""));

        var reason = Indicator(r, "cost").Deviation.Reasons.Should().ContainSingle().Subject;
        (reason.Text, reason.Measures, reason.Source).Should().Be((string.Empty, "压缩开支", ReasonSource.Preparer));
        r.Findings.Should().Contain(f => f.Code == DiagnosticCodes.ExplanationMissing && f.Path == "$.indicators.cost");
    }

    [Fact]
    public void Empty_measures_without_a_reason_are_no_reason()
    {
        var r = Evaluate(Set(), Actuals(cost: """{ "actual": 150, "measures": "" }"""));

        Indicator(r, "cost").Deviation.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void A_reason_without_a_category_is_of_the_category_other_without_a_finding()
    {
        var r = Evaluate(Set(), Actuals(cost: """{ "actual": 150, "reason": "物价上涨" }"""));

        Indicator(r, "cost").Deviation.Reasons.Should().ContainSingle().Which.Category.Should().Be("other");
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.UnknownReasonCategory);
    }

    [Fact]
    public void A_satisfaction_rate_met_under_the_policys_rule_loses_no_points_to_explain_unless_a_deduction_takes_some()
    {
        var policy = ScoringPolicy.Mof2020 with { Name = "times-rate", Satisfaction = SatisfactionScoring.WeightTimesRate };

        var met = Indicator(Evaluate(Set(), Actuals(), policy), "sat");
        var deducted = Indicator(Evaluate(Set(), Actuals(sat: """{ "actual": "95%", "deduction": 2 }"""), policy), "sat");

        (met.Score, met.Deviation.Triggers.Length).Should().Be((9.5m, 0));
        deducted.Score.Should().Be(7.5m);
        deducted.Deviation.Triggers.Should().Equal(ExplanationTrigger.PointsLost);
    }
}
