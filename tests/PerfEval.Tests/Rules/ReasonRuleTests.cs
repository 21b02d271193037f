using System.Text.Json;
using FluentAssertions;
using PerfEval.DependencyInjection;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Rules;
using PerfEval.Tests.Golden;
using static PerfEval.Tests.Rules.RuleTestData;

namespace PerfEval.Tests.Rules;

/// <summary>
/// Reason rules ("when … then reason … with text …") in an indicator set and in rule templates (section 7 of the
/// domain rules). The programme is the one of <see cref="RuleTestData"/>: trainees 200 of 300 (66.67 %) is the only
/// indicator below target.
/// </summary>
public sealed class ReasonRuleTests : IClassFixture<SeedExample>
{
    private readonly SeedExample _seed;

    public ReasonRuleTests(SeedExample seed) => _seed = seed;

    /// <summary>A rule for shortfalls whose text cites every kind of value: figures, texts, an input and missing values.</summary>
    private const string ShortfallRule = """
        "reasonRules": [
          {
            "id": "shortfall",
            "when": "completionRate < 100",
            "category": "management",
            "text": "{name}完成{actual}{unit}，目标{target}{unit}，完成率{completionRate}%，差{gap}{unit}；签到{signedIn}人；上限{upper}；{nosuch}",
            "measures": "下一年度提前组织{name}"
          }
        ]
        """;

    // ---- a matching rule -------------------------------------------------------------------------------------

    [Fact]
    public void A_matching_rule_adds_a_reason_marked_as_the_rules_with_its_text_filled()
    {
        // trainees: X = 200, T = 300, 200 / 300 = 66.67 %, gap |200 − 300| = 100, input signedIn = 180;
        // {upper} has no value (not a range) and {nosuch} is no value at all: both "—".
        var r = InCulture("en-US", () => Evaluate(ShortfallRule));

        var reason = r.Indicator("trainees").Deviation.Reasons.Should().ContainSingle().Subject;
        reason.Source.Should().Be(ReasonSource.Rule);
        reason.RuleId.Should().Be("shortfall");
        reason.Category.Should().Be("management");
        reason.Text.Should().Be("培训人数完成200人，目标300人，完成率66.67%，差100人；签到180人；上限—；—");
        reason.Measures.Should().Be("下一年度提前组织培训人数");
    }

    [Theory]
    [InlineData("zh-CN", "管理与进度（进度滞后、未及时考核等）")]
    [InlineData("zh-Hant-TW", "管理与进度（进度滞后、未及时考核等）")]
    [InlineData("en-US", "Management and schedule")]
    [InlineData("fr-FR", "Management and schedule")]
    public void A_rule_reasons_category_label_follows_the_ui_culture(string culture, string label)
    {
        var r = InCulture(culture, () => Evaluate(ShortfallRule));

        r.Indicator("trainees").Deviation.Reasons.Single().CategoryLabel.Should().Be(label);
    }

    [Fact]
    public void A_rule_only_fires_where_its_condition_holds()
    {
        // jobs 100 / 100 = 100 % and satisfaction 95 / 90 = 105.56 % are not below 100 %.
        var r = Evaluate(ShortfallRule);

        r.Indicator("jobs").Deviation.Reasons.Should().BeEmpty();
        r.Indicator("satisfaction").Deviation.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void A_rule_that_does_not_match_adds_nothing()
    {
        // 66.67 % is not below 50 %.
        var r = Evaluate(ShortfallRule.Replace("completionRate < 100", "completionRate < 50", StringComparison.Ordinal));

        r.Indicators.Should().OnlyContain(i => i.Deviation.Reasons.IsEmpty);
        r.Findings.Should().Contain(f => f.Code == DiagnosticCodes.ExplanationMissing && f.Path == "$.indicators.trainees");
    }

    [Fact]
    public void The_preparers_reason_and_the_rules_reason_are_both_kept_each_with_its_source()
    {
        var actuals = ActualsJson(trainees: """{ "actual": 200, "inputs": { "signedIn": 180 }, "reason": "部分学员推迟参训。", "measures": "增开培训班。", "reasonCategory": "externalChange" }""");

        var r = InCulture("zh-CN", () => Evaluate(ShortfallRule, actuals));
        var reasons = r.Indicator("trainees").Deviation.Reasons;

        reasons.Should().HaveCount(2);
        reasons[0].Should().BeEquivalentTo(new
        {
            Source = ReasonSource.Preparer,
            RuleId = (string?)null,
            Category = "externalChange",
            CategoryLabel = "外部环境或需求变化（服务对象减少、需求变化、自然灾害等）",
            Text = "部分学员推迟参训。",
            Measures = "增开培训班。",
        });
        reasons[1].Source.Should().Be(ReasonSource.Rule);
        reasons[1].RuleId.Should().Be("shortfall");
        reasons[1].Category.Should().Be("management");
    }

    [Fact]
    public void A_rule_reason_satisfies_a_required_explanation()
    {
        // trainees lose 50 − 33.33 points: without a reason PE3001; with the rule's reason none.
        var without = Evaluate();
        var with = Evaluate(ShortfallRule);

        without.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ExplanationMissing).Which.Path.Should().Be("$.indicators.trainees");
        with.Indicator("trainees").Deviation.ExplanationRequired.Should().BeTrue();
        with.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExplanationMissing);
    }

    [Fact]
    public void A_rule_restricted_to_some_indicators_applies_only_to_them()
    {
        var r = Evaluate("""
            "reasonRules": [
              { "id": "jobs-note", "when": "weight > 0", "category": "other", "text": "{name}：{actual}{unit}", "indicators": ["jobs"] }
            ]
            """);

        r.Indicator("jobs").Deviation.Reasons.Should().ContainSingle().Which.Text.Should().Be("新增就业人数：100人");
        r.Indicator("trainees").Deviation.Reasons.Should().BeEmpty();
        r.Indicator("satisfaction").Deviation.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void A_rule_naming_an_indicator_the_set_does_not_have_is_reported()
    {
        // "trainee" is a typo for "trainees": the rule never fires and the shortfall stays unexplained without a word.
        var read = PerfEvalJson.ReadIndicatorSet(SetJson("""
            "reasonRules": [ { "id": "r", "when": "pointsLost", "category": "other", "text": "x", "indicators": ["trainee"] } ]
            """));
        var found = read.Diagnostics.ToList();
        if (read.Value is { } set)
        {
            found.AddRange(new Evaluator().Evaluate(set, PerfEvalJson.ReadActuals(ActualsJson()).Value!).Findings);
        }

        found.Should().Contain(d => d.Path.StartsWith("$.reasonRules[0]", StringComparison.Ordinal) && d.Message.Contains("trainee", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_can_read_the_indicators_flags()
    {
        // pointsLost only for trainees; met for jobs and satisfaction; percent only for satisfaction.
        var r = Evaluate("""
            "reasonRules": [
              { "id": "lost", "when": "pointsLost && !met", "category": "other", "text": "lost" },
              { "id": "pct", "when": "percent && met", "category": "other", "text": "pct {actual}%" }
            ]
            """);

        r.Indicator("trainees").Deviation.Reasons.Select(x => x.RuleId).Should().Equal("lost");
        r.Indicator("jobs").Deviation.Reasons.Should().BeEmpty();
        r.Indicator("satisfaction").Deviation.Reasons.Select(x => x.Text).Should().Equal("pct 95%");
    }

    // ---- budget scope ----------------------------------------------------------------------------------------

    private const string LowExecutionRule = """
        "reasonRules": [
          {
            "id": "low-execution",
            "scope": "budget",
            "when": "executionRate < 90",
            "category": "funds",
            "text": "全年预算数{available}万元，支出{spent}万元，执行率{executionRate}%，其中中央资金{central}万元。"
          }
        ]
        """;

    [Fact]
    public void A_budget_rule_fires_for_a_programme_executing_80_percent()
    {
        // 80 / 100 = 80 % < 90 %.
        var r = InCulture("en-US", () => Evaluate(LowExecutionRule, ActualsJson(spent: 80m)));

        r.Budget.ExecutionRate.Should().Be(80m);
        r.Budget.Deviation.Triggers.Should().Equal(ExplanationTrigger.BudgetUnderExecution);
        var reason = r.Budget.Deviation.Reasons.Should().ContainSingle().Subject;
        reason.Source.Should().Be(ReasonSource.Rule);
        reason.RuleId.Should().Be("low-execution");
        reason.Category.Should().Be("funds");
        reason.CategoryLabel.Should().Be("Funds (late or short allocation)");
        reason.Text.Should().Be("全年预算数100万元，支出80万元，执行率80%，其中中央资金60万元。");
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExplanationMissing && f.Path == "$.budget");
    }

    [Fact]
    public void A_budget_rule_does_not_fire_above_its_threshold_nor_for_indicators()
    {
        // 95 % is not below 90 %; indicators also read executionRate, but a budget rule is not theirs.
        var low = Evaluate(LowExecutionRule, ActualsJson(spent: 80m));
        var high = Evaluate(LowExecutionRule);

        high.Budget.Deviation.Reasons.Should().BeEmpty();
        low.Indicators.Should().OnlyContain(i => i.Deviation.Reasons.IsEmpty);
    }

    [Fact]
    public void Without_a_budget_rule_low_execution_must_be_explained()
    {
        var r = Evaluate(actuals: ActualsJson(spent: 80m));

        r.Findings.Should().Contain(f => f.Code == DiagnosticCodes.ExplanationMissing && f.Path == "$.budget");
    }

    // ---- errors found at load --------------------------------------------------------------------------------

    [Fact]
    public void A_rule_with_an_unknown_category_is_reported_at_load_with_its_path()
    {
        var read = PerfEvalJson.ReadIndicatorSet(SetJson("""
            "reasonRules": [ { "id": "r1", "when": "pointsLost", "category": "weather", "text": "天气原因" } ]
            """));

        read.Value.Should().BeNull();
        var finding = read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnknownReasonCategory).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.reasonRules[0].category");
        finding.Location.Should().NotBeNull();
        finding.Arguments["category"].Should().Be("weather");
        finding.Arguments["known"].Should().Contain("targetTooLow");
    }

    [Theory]
    [InlineData("GetType()")]
    [InlineData("actual.GetType() != null")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("System.IO.Directory.GetFiles(\"/\").Length > 0")]
    [InlineData("\"培训人数\" == \"培训人数\"")]
    [InlineData("actual > 0 && name == \"x\"")]
    [InlineData("Environment.Exit(1)")]
    public void An_expression_escaping_the_sandbox_is_refused_at_load(string expression)
    {
        var json = SetJson($$"""
            "reasonRules": [ { "id": "escape", "when": {{JsonSerializer.Serialize(expression)}}, "category": "other", "text": "x" } ]
            """);

        var read = PerfEvalJson.ReadIndicatorSet(json);

        read.Value.Should().BeNull();
        var finding = read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidExpression).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.reasonRules[0].when");
        finding.Location.Should().NotBeNull();
        finding.Arguments["expression"].Should().Be(expression);
    }

    [Fact]
    public void An_expression_escaping_the_sandbox_in_a_template_is_refused_at_load()
    {
        var read = PerfEvalJson.ReadRuleTemplate("""
            {
              "id": "bad-template",
              "reasonRules": [ { "id": "escape", "when": "System.IO.File.Exists(\"x\")", "category": "other", "text": "x" } ]
            }
            """, "bad-template.json");

        var finding = read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidExpression).Subject;
        finding.Path.Should().Be("$.reasonRules[0].when");
        finding.Location!.Source.Should().Be("bad-template.json");
        finding.Location.Line.Should().Be(3);
    }

    [Fact]
    public void Two_rules_with_one_id_are_reported_with_PE1016()
    {
        var read = PerfEvalJson.ReadIndicatorSet(SetJson("""
            "reasonRules": [
              { "id": "dup", "when": "pointsLost", "category": "other", "text": "a" },
              { "id": "dup", "when": "overAchieved", "category": "other", "text": "b" }
            ]
            """));

        read.Value.Should().BeNull();
        var finding = read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.DuplicateRule).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.reasonRules[1].id");
        finding.Arguments["id"].Should().Be("dup");
    }

    [Fact]
    public void A_reason_rule_and_a_consistency_rule_may_not_share_an_id()
    {
        var read = PerfEvalJson.ReadIndicatorSet(SetJson("""
            "reasonRules": [ { "id": "same", "when": "pointsLost", "category": "other", "text": "a" } ],
            "consistencyRules": [ { "id": "same", "expression": "actual >= 0" } ]
            """));

        read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.DuplicateRule).Which.Path.Should().Be("$.consistencyRules[0].id");
    }

    // ---- errors found while evaluating -----------------------------------------------------------------------

    [Fact]
    public void A_rule_dividing_by_zero_gives_a_PE3003_warning_not_an_exception()
    {
        // trainees: target − 300 = 0, so actual / 0; jobs (100 / −200) and satisfaction (95 / −210) evaluate.
        var set = ReadSet(SetJson("""
            "reasonRules": [ { "id": "ratio", "when": "actual / (target - 300) > 1", "category": "other", "text": "x" } ]
            """));
        var actuals = PerfEvalJson.ReadActuals(ActualsJson()).Value!;
        EvaluationResult? result = null;

        var evaluate = () => result = new Evaluator().Evaluate(set, actuals);

        evaluate.Should().NotThrow();
        var finding = result!.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.RuleFailed).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Path.Should().Be("$.indicators.trainees");
        finding.Arguments["rule"].Should().Be("ratio");
        result.Indicator("trainees").Deviation.Reasons.Should().BeEmpty();
        result.Indicator("trainees").Score.Should().Be(33.33m, "50 × 200 / 300 = 33.33, whatever the rule");
    }

    // ---- reason categories added by the set ------------------------------------------------------------------

    private const string WeatherCategory = """
        "reasonCategories": [ { "id": "weather", "zh": "天气影响", "en": "Weather" } ],
        "reasonRules": [ { "id": "weather-rule", "when": "pointsLost", "category": "weather", "text": "{name}受天气影响。" } ]
        """;

    [Theory]
    [InlineData("zh-CN", "天气影响")]
    [InlineData("en-GB", "Weather")]
    public void A_category_added_by_the_set_serves_its_rules_and_its_actuals(string culture, string label)
    {
        var actuals = ActualsJson(trainees: """{ "actual": 200, "reason": "雨季停课两周。", "reasonCategory": "weather" }""");

        var r = InCulture(culture, () => Evaluate(WeatherCategory, actuals));
        var reasons = r.Indicator("trainees").Deviation.Reasons;

        reasons.Select(x => (x.Source, x.Category, x.CategoryLabel, x.Text)).Should().Equal(
            (ReasonSource.Preparer, "weather", label, "雨季停课两周。"),
            (ReasonSource.Rule, "weather", label, "培训人数受天气影响。"));
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.UnknownReasonCategory);
    }

    [Fact]
    public void An_actual_with_an_unknown_reason_category_gets_PE1013_and_counts_as_other()
    {
        var actuals = ActualsJson(trainees: """{ "actual": 200, "reason": "雨季停课两周。", "reasonCategory": "weather" }""");

        var r = Evaluate(actuals: actuals);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.UnknownReasonCategory).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.indicators.trainees.reasonCategory");
        finding.Location.Should().NotBeNull();
        finding.Arguments["category"].Should().Be("weather");
        r.Indicator("trainees").Deviation.Reasons.Single().Category.Should().Be("other");
    }

    // ---- rule templates --------------------------------------------------------------------------------------

    private static RuleTemplate ReadTemplate(string json)
    {
        var read = PerfEvalJson.ReadRuleTemplate(json, "template.json");
        read.Diagnostics.Should().BeEmpty();
        return read.Value!;
    }

    [Fact]
    public void A_templates_rule_applies_to_every_set_the_evaluator_evaluates()
    {
        var template = ReadTemplate("""
            {
              "id": "province",
              "reasonCategories": [ { "id": "weather", "zh": "天气影响", "en": "Weather" } ],
              "reasonRules": [
                { "id": "t-shortfall", "when": "pointsLost", "category": "weather", "text": "{name}差{gap}{unit}（完成率{completionRate}%）" }
              ]
            }
            """);
        var options = new PerfEvalOptions { RuleTemplates = { template } };

        var r = InCulture("en-US", () => Evaluate(options: options));

        var reason = r.Indicator("trainees").Deviation.Reasons.Should().ContainSingle().Subject;
        reason.Source.Should().Be(ReasonSource.Rule);
        reason.RuleId.Should().Be("t-shortfall");
        reason.CategoryLabel.Should().Be("Weather");
        reason.Text.Should().Be("培训人数差100人（完成率66.67%）");
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExplanationMissing);
    }

    [Fact]
    public void A_templates_category_can_be_named_by_the_actuals()
    {
        var template = ReadTemplate("""
            { "id": "province", "reasonCategories": [ { "id": "weather", "zh": "天气影响", "en": "Weather" } ] }
            """);
        var actuals = ActualsJson(trainees: """{ "actual": 200, "reason": "雨季停课两周。", "reasonCategory": "weather" }""");

        var r = Evaluate(actuals: actuals, options: new PerfEvalOptions { RuleTemplates = { template } });

        r.Indicator("trainees").Deviation.Reasons.Single().Category.Should().Be("weather");
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.UnknownReasonCategory);
    }

    [Fact]
    public void A_templates_rules_come_before_the_sets_own()
    {
        var template = ReadTemplate("""
            { "id": "province", "reasonRules": [ { "id": "from-template", "when": "pointsLost", "category": "other", "text": "t" } ] }
            """);

        var r = Evaluate(ShortfallRule, options: new PerfEvalOptions { RuleTemplates = { template } });

        r.Indicator("trainees").Deviation.Reasons.Select(x => x.RuleId).Should().Equal("from-template", "shortfall");
    }

    [Fact]
    public void A_template_with_an_unknown_category_is_reported_at_load()
    {
        var read = PerfEvalJson.ReadRuleTemplate("""
            { "id": "t", "reasonRules": [ { "id": "r", "when": "pointsLost", "category": "weather", "text": "x" } ] }
            """, null);

        read.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnknownReasonCategory)
            .Which.Path.Should().Be("$.reasonRules[0].category");
    }

    // ---- the common template on the seed example -------------------------------------------------------------

    private EvaluationResult SeedWithCommonTemplate()
    {
        var template = PerfEvalJson.ReadRuleTemplateFile(Path.Combine(SeedExample.RepositoryRoot(), "rules", "templates", "common-reasons.json"));
        template.Diagnostics.Should().BeEmpty();
        var evaluator = new Evaluator(new PerfEvalOptions { RuleTemplates = { template.Value! } });
        return InCulture("zh-CN", () => evaluator.Evaluate(_seed.Load.Value!));
    }

    [Fact]
    public void The_common_template_explains_the_seeds_two_over_achievements_and_removes_their_PE3001()
    {
        var r = SeedWithCommonTemplate();

        foreach (var id in new[] { "si-subsidy-recipients", "new-urban-jobs" })
        {
            var reason = r.Indicator(id).Deviation.Reasons.Should().ContainSingle().Subject;
            reason.Source.Should().Be(ReasonSource.Rule);
            reason.RuleId.Should().Be("over-achievement-review");
            reason.Category.Should().Be("targetTooLow");
            reason.CategoryLabel.Should().Be("目标设定偏低");
        }

        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExplanationMissing);
        r.Findings.Should().BeEmpty("the seed's only findings were the two unexplained over-achievements, and its figures pass both consistency rules");
    }

    [Fact]
    public void The_common_templates_over_achievement_text_is_filled_from_the_seeds_figures()
    {
        // new-urban-jobs: X = 405 人, T = 330 人, 405 / 330 = 1.227272… → 122.73 %.
        var reason = SeedWithCommonTemplate().Indicator("new-urban-jobs").Deviation.Reasons.Single();

        reason.Text.Should().Be("城镇新增就业人数实际完成405人，为年度目标330人的122.73%，超出目标较多，需分析年度目标是否设定偏低。");
        reason.Measures.Should().Be("下一年度结合实际完成情况合理设定城镇新增就业人数目标值。");
    }

    [Fact]
    public void The_common_templates_text_uses_a_computed_actual()
    {
        // si-subsidy-recipients: X = 2574 + 108 + 99 = 2781, T = 2300, 2781 / 2300 = 120.91 %.
        var reason = SeedWithCommonTemplate().Indicator("si-subsidy-recipients").Deviation.Reasons.Single();

        reason.Text.Should().Be("社会保险补贴人数实际完成2781人，为年度目标2300人的120.91%，超出目标较多，需分析年度目标是否设定偏低。");
    }

    [Fact]
    public void The_four_unmet_indicators_keep_their_preparers_reasons_and_gain_rule_reasons()
    {
        var r = SeedWithCommonTemplate();

        var expected = new Dictionary<string, string>
        {
            ["intern-subsidy-recipients"] = "shortfall",        // 46 / 113 = 40.71 %: 0 < rate < 100
            ["sme-recruit-medical-checks"] = "nothing-done",    // 0 / 60 = 0 %
            ["sme-medical-check-deadline"] = "nothing-done",    // deadline missed: 0 %
            ["hardship-employment"] = "shortfall",              // 362 / 380 = 95.26 %
        };
        foreach (var (id, rule) in expected)
        {
            var reasons = r.Indicator(id).Deviation.Reasons;
            reasons.Should().HaveCount(2, id);
            reasons[0].Source.Should().Be(ReasonSource.Preparer, id);
            reasons[1].Source.Should().Be(ReasonSource.Rule, id);
            reasons[1].RuleId.Should().Be(rule, id);
        }

        r.Indicator("hardship-employment").Deviation.Reasons[0].Text.Should().Be("2025年申请认定就业困难人员减少，已向上级申请下调任务目标。");
        r.Indicator("hardship-employment").Deviation.Reasons[0].Category.Should().Be("externalChange");
    }

    [Fact]
    public void The_common_templates_shortfall_and_nothing_done_texts_are_filled_from_the_seeds_figures()
    {
        // hardship-employment: target "380" (bare number, more is better → ≥380), X = 362, 362 / 380 = 95.26 %, gap 18 人.
        // sme-recruit-medical-checks: target "60" → ≥60, X = 0.
        var r = SeedWithCommonTemplate();

        r.Indicator("hardship-employment").Deviation.Reasons[1].Text.Should().Be("就业困难人员就业人数年度目标为≥380，实际完成362，完成率95.26%，差18人未完成。");
        r.Indicator("hardship-employment").Deviation.Reasons[1].Category.Should().Be("other");
        r.Indicator("sme-recruit-medical-checks").Deviation.Reasons[1].Text.Should().Be("2025年招募人员体检年度目标为≥60，实际为0，当年未开展。");
        r.Indicator("sme-recruit-medical-checks").Deviation.Reasons[1].Category.Should().Be("notStarted");
        r.Indicator("sme-medical-check-deadline").Deviation.Reasons[1].Text.Should().Be("新招募人员体检工作完成时间年度目标为12月底前，实际为未完成，当年未开展。");
    }

    [Fact]
    public void Indicators_that_are_met_gain_no_rule_reason_from_the_common_template()
    {
        var r = SeedWithCommonTemplate();

        // sme-medical-check-fee (0 against ≤200, met) keeps the preparer's reason the report gives; no rule adds one.
        r.Indicators.Where(i => !i.Deviation.ExplanationRequired).Should().OnlyContain(i => i.Deviation.Reasons.All(x => x.Source == ReasonSource.Preparer));
        r.Indicator("sme-medical-check-fee").Deviation.Reasons.Should().ContainSingle().Which.Source.Should().Be(ReasonSource.Preparer);
        r.Budget.Deviation.Reasons.Should().BeEmpty("99.57 % is not below 90 %");
    }
}
