using FluentAssertions;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using static PerfEval.Tests.Rules.RuleTestData;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The values a rule of the budget scope reads: each figure of the budget's result and of its deviation, and the lines by
/// their ids. The programme is the one of <see cref="Rules.RuleTestData"/> with a budget of its own: 150 spent of 200
/// (75 %, 7.5 of 10 points, 50 below, −25 %), sources central 120 and county 80, expenditures pay 100 and rent 50.
/// </summary>
public sealed class BudgetRuleValueTests
{
    private static string Actuals(string budget) => $$"""
        {
          "indicatorSet": "{{SetId}}",
          "budget": {{budget}},
          "indicators": { "trainees": 300, "jobs": 100, "satisfaction": "95%" }
        }
        """;

    private static readonly string Full = Actuals("""
        { "initial": 180, "available": 200, "spent": 150,
          "sources": { "central": 120, "county": 80 }, "expenditures": { "pay": 100, "rent": 50 } }
        """);

    private static readonly string TotalsOnly = Actuals("""{ "available": 200, "spent": 150 }""");

    private const string EveryValue = "A{available} B{spent} I{initial} R{executionRate} S{score} W{weight} D{deviation} RD{relativeDeviation} ST{sourcesTotal} ET{expendituresTotal} C{central} P{pay}";

    private const string FiguresRule = $$"""
        "reasonRules": [ { "id": "figures", "scope": "budget", "when": "executionRate < 90", "category": "funds", "text": "{{EveryValue}}" } ]
        """;

    [Fact]
    public void A_budget_rule_reads_every_figure_of_the_budget_and_its_lines()
    {
        var reason = Evaluate(FiguresRule, Full).Budget.Deviation.Reasons.Should().ContainSingle().Subject;

        reason.Source.Should().Be(ReasonSource.Rule);
        reason.Text.Should().Be("A200 B150 I180 R75 S7.5 W10 D-50 RD-25 ST200 ET150 C120 P100");
    }

    [Fact]
    public void A_budget_without_lines_or_initial_budget_gives_its_rules_no_totals_of_lines()
    {
        var reason = Evaluate(FiguresRule, TotalsOnly).Budget.Deviation.Reasons.Should().ContainSingle().Subject;

        reason.Text.Should().Be("A200 B150 I— R75 S7.5 W10 D-50 RD-25 ST— ET— C— P—");
    }

    [Theory]
    [InlineData("initial == 180")]
    [InlineData("score == 7.5")]
    [InlineData("weight == 10")]
    [InlineData("deviation == -50")]
    [InlineData("relativeDeviation == -25")]
    [InlineData("sourcesTotal == 200")]
    [InlineData("expendituresTotal == 150")]
    [InlineData("rent == 50")]
    public void A_budget_reason_rule_fires_on_the_value_it_reads(string when)
    {
        var rule = $$"""
            "reasonRules": [ { "id": "value", "scope": "budget", "when": "{{when}}", "category": "funds", "text": "{{when}}" } ]
            """;

        Evaluate(rule, Full).Budget.Deviation.Reasons.Select(r => r.Text).Should().Equal(when);
        Evaluate(rule.Replace("==", "!=", StringComparison.Ordinal), Full).Budget.Deviation.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void A_budget_consistency_rule_that_fails_lists_every_value_it_could_read()
    {
        var r = Evaluate("""
            "consistencyRules": [ { "id": "spent-all", "scope": "budget", "expression": "spent == available", "code": "ZL010" } ]
            """, Full);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == "ZL010").Subject;
        finding.Path.Should().Be("$.budget");
        finding.Arguments.Should().Contain(new Dictionary<string, string>
        {
            ["rule"] = "spent-all",
            ["expression"] = "spent == available",
            ["available"] = "200",
            ["spent"] = "150",
            ["initial"] = "180",
            ["executionRate"] = "75",
            ["score"] = "7.5",
            ["weight"] = "10",
            ["deviation"] = "-50",
            ["relativeDeviation"] = "-25",
            ["sourcesTotal"] = "200",
            ["expendituresTotal"] = "150",
            ["central"] = "120",
            ["pay"] = "100",
        });
    }

    [Fact]
    public void A_budget_consistency_rule_leaves_out_the_values_the_budget_does_not_have()
    {
        var r = Evaluate("""
            "consistencyRules": [ { "id": "spent-all", "scope": "budget", "expression": "spent == available", "code": "ZL010" } ]
            """, TotalsOnly);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == "ZL010").Subject;
        finding.Arguments.Keys.Should().NotContain(["initial", "sourcesTotal", "expendituresTotal", "central"]);
        finding.Arguments["spent"].Should().Be("150");
    }

    [Fact]
    public void A_budget_consistency_rule_that_reads_a_value_the_budget_lacks_is_reported_at_the_budget()
    {
        var r = Evaluate("""
            "consistencyRules": [ { "id": "initial-first", "scope": "budget", "expression": "initial >= available", "code": "ZL011" } ]
            """, TotalsOnly);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.RuleFailed).Subject;
        (finding.Path, finding.Severity, finding.Arguments["rule"]).Should().Be(("$.budget", DiagnosticSeverity.Warning, "initial-first"));
        finding.Location.Should().NotBeNull();
        finding.Location!.Line.Should().Be(EvaluationFiles.LineOf(TotalsOnly, "\"budget\""));
        r.Findings.Should().NotContain(f => f.Code == "ZL011");
    }

    [Fact]
    public void A_budget_reason_rule_that_reads_a_value_the_budget_lacks_quietly_does_not_apply()
    {
        var r = Evaluate("""
            "reasonRules": [ { "id": "initial-cut", "scope": "budget", "when": "initial < available", "category": "funds", "text": "预算调增" } ]
            """, TotalsOnly);

        r.Budget.Deviation.Reasons.Should().BeEmpty();
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.RuleFailed);
    }

    [Fact]
    public void A_budget_reason_rule_that_fails_to_evaluate_is_reported_at_the_budget()
    {
        var r = Evaluate("""
            "reasonRules": [ { "id": "by-zero", "scope": "budget", "when": "spent / (available - available) > 1", "category": "funds", "text": "无" } ]
            """, Full);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.RuleFailed).Subject;
        (finding.Path, finding.Arguments["rule"]).Should().Be(("$.budget", "by-zero"));
        r.Budget.Deviation.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void The_preparers_budget_reason_comes_before_the_reasons_of_the_rules()
    {
        var r = Evaluate(FiguresRule, Full.Replace("\"spent\": 150,", "\"spent\": 150, \"reason\": \"资金下达晚\",", StringComparison.Ordinal));

        r.Budget.Deviation.Reasons.Select(x => (x.Source, x.Text.Length > 0)).Should().Equal((ReasonSource.Preparer, true), (ReasonSource.Rule, true));
        r.Budget.Deviation.Reasons[0].Text.Should().Be("资金下达晚");
    }

    [Fact]
    public void Low_execution_that_no_budget_rule_explains_must_still_be_explained()
    {
        var r = Evaluate("""
            "reasonRules": [ { "id": "never", "scope": "budget", "when": "executionRate < 10", "category": "funds", "text": "执行极低" } ]
            """, Full);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ExplanationMissing).Subject;
        finding.Path.Should().Be("$.budget");
        finding.Location!.Line.Should().Be(EvaluationFiles.LineOf(Full, "\"budget\""));
    }

    [Fact]
    public void Measures_without_a_reason_do_not_explain_low_execution()
    {
        var r = Evaluate("""
            "reasonRules": [ { "id": "never", "scope": "budget", "when": "executionRate < 10", "category": "funds", "text": "执行极低" } ]
            """, Full.Replace("\"spent\": 150,", "\"spent\": 150, \"measures\": \"加快执行\",", StringComparison.Ordinal));

        var reason = r.Budget.Deviation.Reasons.Should().ContainSingle().Subject;
        (reason.Text, reason.Measures).Should().Be((string.Empty, "加快执行"));
        r.Findings.Should().Contain(f => f.Code == DiagnosticCodes.ExplanationMissing && f.Path == "$.budget");
    }
}
