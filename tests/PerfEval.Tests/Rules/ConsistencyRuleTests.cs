using FluentAssertions;
using PerfEval.DependencyInjection;
using PerfEval.Diagnostics;
using PerfEval.Loading;
using static PerfEval.Tests.Rules.RuleTestData;
using PerfEval.Evaluation;

namespace PerfEval.Tests.Rules;

/// <summary>
/// Consistency rules: expressions that must hold between an indicator's (or the budget's) values. The programme is the
/// one of <see cref="RuleTestData"/>: trainees 200 of 300 with 180 signed in, jobs 100, satisfaction 95 %, budget
/// 95 of 100 with central 60 and county 40.
/// </summary>
public sealed class ConsistencyRuleTests
{
    /// <summary>Findings other than the PE3001 of the trainees' unexplained shortfall.</summary>
    private static IEnumerable<Diagnostic> RuleFindings(PerfEval.Evaluation.EvaluationResult r) =>
        r.Findings.Where(f => f.Code != DiagnosticCodes.ExplanationMissing);

    [Fact]
    public void A_rule_that_holds_gives_nothing()
    {
        // 200 ≤ 600, 100 ≤ 200, 95 ≤ 180.
        var r = Evaluate("""
            "consistencyRules": [ { "id": "at-most-double", "expression": "actual <= target * 2", "code": "ZL001" } ]
            """);

        RuleFindings(r).Should().BeEmpty();
    }

    [Fact]
    public void A_rule_that_fails_gives_a_finding_with_its_own_code_severity_and_message_at_the_indicators_path()
    {
        // trainees: signedIn 180 ≥ actual 200 is false. jobs and satisfaction have no signedIn: skipped.
        var r = Evaluate("""
            "consistencyRules": [
              {
                "id": "signed-in",
                "expression": "signedIn >= actual",
                "code": "ZL001",
                "severity": "warning",
                "message": "{name}签到{signedIn}人，少于实际完成{actual}{unit}（{id}）"
              }
            ]
            """);

        var finding = RuleFindings(r).Should().ContainSingle().Subject;
        finding.Code.Should().Be("ZL001");
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Message.Should().Be("培训人数签到180人，少于实际完成200人（trainees）");
        finding.Path.Should().Be("$.indicators.trainees");
        finding.Location.Should().NotBeNull("the path points into the actuals file");
        finding.Location!.Line.Should().Be(9, "the trainees' entry is on line 9 of the actuals");
        finding.Arguments["rule"].Should().Be("signed-in");
        finding.Arguments["signedIn"].Should().Be("180");
        finding.Arguments["actual"].Should().Be("200");
    }

    [Theory]
    [InlineData("info", DiagnosticSeverity.Info)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("error", DiagnosticSeverity.Error)]
    public void A_rules_severity_is_its_findings(string severity, DiagnosticSeverity expected)
    {
        var r = Evaluate($$"""
            "consistencyRules": [ { "id": "signed-in", "expression": "signedIn >= actual", "code": "ZL001", "severity": "{{severity}}" } ]
            """);

        RuleFindings(r).Single().Severity.Should().Be(expected);
        r.HasErrors.Should().Be(expected == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("en-US", "The consistency rule 'signed-in' does not hold: signedIn >= actual.")]
    [InlineData("zh-CN", "一致性规则“signed-in”不成立：signedIn >= actual。")]
    public void A_rule_without_code_or_message_gives_PE3002_with_the_standard_message(string culture, string message)
    {
        var r = InCulture(culture, () => Evaluate("""
            "consistencyRules": [ { "id": "signed-in", "expression": "signedIn >= actual" } ]
            """));

        var finding = RuleFindings(r).Should().ContainSingle().Subject;
        finding.Code.Should().Be(DiagnosticCodes.ConsistencyRuleFailed);
        finding.Severity.Should().Be(DiagnosticSeverity.Error, "a rule's default severity is error");
        finding.Message.Should().Be(message);
        finding.Path.Should().Be("$.indicators.trainees");
    }

    [Fact]
    public void A_rule_with_its_own_code_and_no_message_gets_the_standard_message()
    {
        var r = InCulture("en-US", () => Evaluate("""
            "consistencyRules": [ { "id": "signed-in", "expression": "signedIn >= actual", "code": "ZL001" } ]
            """));

        var finding = RuleFindings(r).Single();
        finding.Code.Should().Be("ZL001");
        finding.Message.Should().Be("The consistency rule 'signed-in' does not hold: signedIn >= actual.");
    }

    [Fact]
    public void A_rule_for_every_indicator_skips_those_lacking_a_value_it_reads()
    {
        // Only trainees has signedIn; 180 ≤ 200 holds there; jobs and satisfaction are skipped without PE3003.
        var r = Evaluate("""
            "consistencyRules": [ { "id": "signed-in-at-most-actual", "expression": "signedIn <= actual" } ]
            """);

        RuleFindings(r).Should().BeEmpty();
    }

    [Fact]
    public void A_rule_aimed_at_an_indicator_reports_a_value_it_lacks_with_PE3003()
    {
        // jobs has no input signedIn: the rule cannot be evaluated there. trainees is not listed, so it is not checked.
        var r = Evaluate("""
            "consistencyRules": [ { "id": "signed-in", "expression": "signedIn >= actual", "code": "ZL001", "indicators": ["jobs"] } ]
            """);

        var finding = RuleFindings(r).Should().ContainSingle().Subject;
        finding.Code.Should().Be(DiagnosticCodes.RuleFailed);
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Path.Should().Be("$.indicators.jobs");
        finding.Arguments["rule"].Should().Be("signed-in");
        finding.Arguments["reason"].Should().Contain("signedIn");
    }

    [Fact]
    public void A_rule_aimed_at_an_indicator_checks_only_that_indicator()
    {
        // actual ≥ target fails for trainees (200 < 300) only; aimed at jobs (100 ≥ 100) it holds.
        var all = Evaluate("""
            "consistencyRules": [ { "id": "met", "expression": "actual >= target", "code": "ZL001" } ]
            """);
        var jobsOnly = Evaluate("""
            "consistencyRules": [ { "id": "met", "expression": "actual >= target", "code": "ZL001", "indicators": ["jobs"] } ]
            """);

        RuleFindings(all).Select(f => f.Path).Should().Equal("$.indicators.trainees");
        RuleFindings(jobsOnly).Should().BeEmpty();
    }

    [Fact]
    public void A_rule_naming_an_indicator_the_set_does_not_have_is_reported()
    {
        // "trainee" is a typo for "trainees": the rule can never run, which the rule author must learn.
        var read = PerfEvalJson.ReadIndicatorSet(SetJson("""
            "consistencyRules": [ { "id": "met", "expression": "actual >= target", "code": "ZL001", "indicators": ["trainee"] } ]
            """));
        var found = read.Diagnostics.ToList();
        if (read.Value is { } set)
        {
            found.AddRange(new PerfEval.Evaluation.Evaluator().Evaluate(set, PerfEvalJson.ReadActuals(ActualsJson()).Value!).Findings);
        }

        found.Should().Contain(d => d.Path.StartsWith("$.consistencyRules[0]", StringComparison.Ordinal) && d.Message.Contains("trainee", StringComparison.Ordinal));
    }

    // ---- budget scope ----------------------------------------------------------------------------------------

    private const string SpentWithinAvailable = """
        "consistencyRules": [
          { "id": "within", "scope": "budget", "expression": "spent <= available", "code": "ZL002", "message": "全年执行数{spent}超过全年预算数{available}" }
        ]
        """;

    [Fact]
    public void A_budget_rule_that_holds_gives_nothing()
    {
        // 95 ≤ 100.
        RuleFindings(Evaluate(SpentWithinAvailable)).Should().BeEmpty();
    }

    [Fact]
    public void A_budget_rule_that_fails_is_reported_at_the_budgets_path()
    {
        // 110 > 100: the rule fails (and PE2010 reports the overspending too).
        var r = Evaluate(SpentWithinAvailable, ActualsJson(spent: 110m));

        var finding = r.Findings.Should().ContainSingle(f => f.Code == "ZL002").Subject;
        finding.Message.Should().Be("全年执行数110超过全年预算数100");
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.budget");
        finding.Location.Should().NotBeNull();
        r.Findings.Should().Contain(f => f.Code == DiagnosticCodes.OverSpent);
    }

    [Fact]
    public void A_budget_rule_reads_the_sources_by_their_ids()
    {
        // central 60 > 100 / 2 = 50: fails; county 40 ≤ 50 holds.
        var r = Evaluate("""
            "consistencyRules": [
              { "id": "central-half", "scope": "budget", "expression": "central <= available / 2", "code": "ZL003", "message": "中央资金{central}万元超过全年预算数{available}万元的一半" },
              { "id": "county-half", "scope": "budget", "expression": "county <= available / 2", "code": "ZL004" },
              { "id": "sum", "scope": "budget", "expression": "central + county == available", "code": "ZL005" }
            ]
            """);

        var finding = RuleFindings(r).Should().ContainSingle().Subject;
        finding.Code.Should().Be("ZL003");
        finding.Message.Should().Be("中央资金60万元超过全年预算数100万元的一半");
        finding.Path.Should().Be("$.budget");
    }

    [Fact]
    public void A_budget_rule_is_not_evaluated_per_indicator()
    {
        // Indicators also see available and spent; a budget rule must give one finding, not one per indicator.
        var r = Evaluate(SpentWithinAvailable, ActualsJson(spent: 110m));

        r.Findings.Where(f => f.Code == "ZL002").Should().ContainSingle();
    }

    // ---- errors found at load --------------------------------------------------------------------------------

    [Theory]
    [InlineData("zl-1")]
    [InlineData("ZL1")]        // too few digits
    [InlineData("zl001")]      // lower case
    [InlineData("Z001")]       // one letter
    public void An_invalid_code_is_reported_with_PE1005_at_load(string code)
    {
        var read = PerfEvalJson.ReadIndicatorSet(SetJson($$"""
            "consistencyRules": [ { "id": "c", "expression": "actual >= 0", "code": "{{code}}" } ]
            """));

        read.Value.Should().BeNull();
        var finding = read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidValue).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.consistencyRules[0].code");
        finding.Arguments["value"].Should().Be(code);
    }

    [Fact]
    public void An_invalid_severity_is_reported_with_PE1005_at_load()
    {
        var read = PerfEvalJson.ReadIndicatorSet(SetJson("""
            "consistencyRules": [ { "id": "c", "expression": "actual >= 0", "severity": "fatal" } ]
            """));

        read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidValue).Which.Path.Should().Be("$.consistencyRules[0].severity");
    }

    [Fact]
    public void A_consistency_expression_escaping_the_sandbox_is_reported_with_PE1009_at_load()
    {
        var read = PerfEvalJson.ReadIndicatorSet(SetJson("""
            "consistencyRules": [ { "id": "c", "expression": "System.IO.File.Exists(\"x\")" } ]
            """));

        read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidExpression).Which.Path.Should().Be("$.consistencyRules[0].expression");
    }

    // ---- rules from templates --------------------------------------------------------------------------------

    [Fact]
    public void A_templates_consistency_rule_applies_to_the_set()
    {
        var template = PerfEvalJson.ReadRuleTemplate("""
            {
              "id": "province",
              "consistencyRules": [ { "id": "signed-in", "expression": "signedIn >= actual", "code": "ZL010", "severity": "warning", "message": "{name}：{signedIn} < {actual}" } ]
            }
            """, null);
        template.Diagnostics.Should().BeEmpty();

        var r = Evaluate(options: new PerfEvalOptions { RuleTemplates = { template.Value! } });

        var finding = RuleFindings(r).Should().ContainSingle().Subject;
        finding.Code.Should().Be("ZL010");
        finding.Message.Should().Be("培训人数：180 < 200");
        finding.Path.Should().Be("$.indicators.trainees");
    }

    [Fact]
    public void The_common_templates_rate_rule_flags_a_percentage_above_100()
    {
        // satisfaction 105 %: !percent || actual <= 100 fails → CR001 (warning) with the template's message.
        var template = PerfEvalJson.ReadRuleTemplateFile(Path.Combine(Testing.Repository.Root(), "rules", "templates", "common-reasons.json")).Value!;
        var actuals = ActualsJson().Replace("\"satisfaction\": \"95%\"", "\"satisfaction\": \"105%\"", StringComparison.Ordinal);

        var r = Evaluate(actuals: actuals, options: new PerfEvalOptions { RuleTemplates = { template } });

        var finding = r.Findings.Should().ContainSingle(f => f.Code == "CR001").Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Message.Should().Be("满意度的实际完成值105%超过100%，比率类指标请核实口径。");
        finding.Path.Should().Be("$.indicators.satisfaction");
    }

    [Fact]
    public void The_common_templates_budget_rule_flags_overspending()
    {
        // 110 > 100 → CR002 (error) "全年执行数110超过全年预算数100。"
        var template = PerfEvalJson.ReadRuleTemplateFile(Path.Combine(Testing.Repository.Root(), "rules", "templates", "common-reasons.json")).Value!;

        var r = Evaluate(actuals: ActualsJson(spent: 110m), options: new PerfEvalOptions { RuleTemplates = { template } });

        var finding = r.Findings.Should().ContainSingle(f => f.Code == "CR002").Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Message.Should().Be("全年执行数110超过全年预算数100。");
        finding.Path.Should().Be("$.budget");
    }
}
