using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Audit;

public sealed class AuditTests : IClassFixture<SeedExample>
{
    private readonly AuditResult _seedAudit;

    public AuditTests(SeedExample seed) => _seedAudit = Auditor.Audit(seed.Result, seed.Load.Value!.Actuals);

    private const string Set = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "budget": { "sources": [ { "id": "a", "name": "中央资金" }, { "id": "b", "name": "本级资金" } ],
                      "expenditures": [ { "id": "x", "name": "甲" }, { "id": "y", "name": "乙" }, { "id": "z", "name": "丙" } ] },
          "indicators": [
            { "id": "n", "name": "培训人数", "level2": "quantity", "target": "400", "unit": "人", "weight": 40 },
            { "id": "m", "name": "覆盖人数", "level2": "quantity", "target": "100", "unit": "人", "weight": 10 },
            { "id": "q", "name": "服务质量", "level2": "social", "target": "明显提升", "weight": 30 },
            { "id": "s", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 } ] }
        """;

    private static AuditResult AuditOf(string stated, string indicators = """{ "n": 343, "m": 120, "q": { "actual": "有所提升", "grade": "partial" }, "s": "95%" }""")
    {
        var set = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(
            $$"""
            { "indicatorSet": "s",
              "budget": { "sources": { "a": 600, "b": 400 }, "expenditures": { "x": 1, "y": 1, "z": 1 } },
              "indicators": {{indicators}},
              "stated": {{stated}} }
            """, "actuals.json").GetValueOrThrow();
        return Auditor.Audit(new Evaluator().Evaluate(set, actuals), actuals);
    }

    [Fact]
    public void The_seed_audit_reports_the_24_27_share_the_forced_100_percent_and_the_conclusion_next_to_four_unmet_indicators()
    {
        var audit = _seedAudit.Findings.Where(f => f.Code.StartsWith("PE4", StringComparison.Ordinal)).Select(f => (f.Code, f.Path)).ToList();

        audit.Should().Equal(
            ("PE4001", "$.stated.expenditureShares.other"),
            ("PE4002", "$.stated.expenditureShares"),
            ("PE4007", "$.stated.conclusion"));
        var share = _seedAudit.Findings[0];
        share.Arguments["stated"].Should().Be("24.27");
        share.Arguments["recomputed"].Should().Be("24.28", "937.56 / 3861.14 = 24.2819… %");
        _seedAudit.Findings.Single(f => f.Code == "PE4007").Arguments["count"].Should().Be("4");
        _seedAudit.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void Every_other_figure_the_seed_report_states_agrees_with_the_recomputation()
    {
        _seedAudit.Comparisons.Should().HaveCount(3 + 6 + 24);
        _seedAudit.Comparisons.Where(c => !c.Agrees).Select(c => c.Path).Should().Equal("$.stated.expenditureShares.other");
    }

    [Fact]
    public void The_report_prints_100_percent_for_an_achieved_qualitative_indicator_and_that_is_not_held_against_it()
    {
        _seedAudit.Comparisons.Single(c => c.Path == "$.stated.completionRates.sme-education-standard").Agrees.Should().BeTrue();
    }

    [Fact]
    public void A_recomputed_figure_is_shown_with_the_stated_figures_decimals()
    {
        // m: 120 of ≥100 is exactly 120 %, and its full 10 points; s: 95 % of ≥90 % is met, 10 points. Each recomputed
        // figure keeps the stated figure's decimals, whether it agrees (10.0) or not (120.00 against 100.00, 10.00 against 9.50).
        var audit = AuditOf("""{ "completionRates": { "m": 100.00 }, "scores": { "m": 10.0, "s": "9.50" } }""");

        audit.Comparisons.Select(c => (c.Path, c.Stated, c.Recomputed)).Should().Equal(
            ("$.stated.completionRates.m", "100.00", "120.00"), ("$.stated.scores.m", "10.0", "10.0"), ("$.stated.scores.s", "9.50", "10.00"));
        audit.Findings.First(f => f.Code == DiagnosticCodes.StatedFigureDisagrees).Arguments["recomputed"].Should().Be("120.00");
    }

    [Fact]
    public void A_stated_figure_is_compared_at_its_own_precision()
    {
        // 343 / 400 = 85.75 %: a stated 86 (whole percents) agrees, a stated 85.7 (one decimal) does not (85.8).
        AuditOf("""{ "completionRates": { "n": 86 } }""").Comparisons.Single().Agrees.Should().BeTrue();
        AuditOf("""{ "completionRates": { "n": "86%" } }""").Comparisons.Single().Agrees.Should().BeTrue();
        var oneDecimal = AuditOf("""{ "completionRates": { "n": 85.7 } }""");
        oneDecimal.Comparisons.Single().Should().Match<StatedComparison>(c => !c.Agrees && c.Recomputed == "85.8" && c.Exact == "85.75");
        oneDecimal.Findings.Should().Contain(f => f.Code == DiagnosticCodes.StatedFigureDisagrees && f.Location!.Line > 0);
    }

    [Fact]
    public void A_total_row_left_at_0_contradicts_its_detail_rows()
    {
        var audit = AuditOf("""{ "available": 0 }""");

        audit.Findings.Should().Contain(f => f.Code == DiagnosticCodes.TotalContradictsDetail && f.Arguments["sum"] == "1000");
        audit.Findings.Should().Contain(f => f.Code == DiagnosticCodes.StatedFigureDisagrees && f.Path == "$.stated.available");
    }

    [Fact]
    public void Shares_forced_to_100_percent_are_reported()
    {
        // Three equal lines: 33.33 % each, 99.99 % in all; a report printing 33.33 / 33.33 / 33.34 forced the sum.
        var audit = AuditOf("""{ "expenditureShares": { "x": 33.33, "y": 33.33, "z": 33.34 } }""");

        audit.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.SharesForced).Which.Arguments["recomputed"].Should().Be("99.99%");
    }

    [Fact]
    public void A_score_above_its_weight_is_an_error()
    {
        AuditOf("""{ "scores": { "m": 12 } }""").Findings.Should().Contain(f => f.Code == DiagnosticCodes.ScoreAboveWeight);
    }

    [Fact]
    public void Every_stated_score_above_its_weight_is_an_error_the_budget_the_total_the_subtotals_and_the_preparers_own()
    {
        // Weights: budget 10, output n 40 + m 10 = 50 (quantity 50), q 30, s 10; total 100. Each stated score is just above.
        var audit = AuditOf(
            """{ "budgetScore": 10.5, "totalScore": 100.01, "level1Scores": { "output": 50.5 }, "level2Scores": { "quantity": 51 }, "scores": { "m": 10.01 } }""",
            """{ "n": 343, "m": 120, "q": { "actual": "有所提升", "grade": "partial", "score": 30.5 }, "s": "95%" }""");

        audit.Findings.Where(f => f.Code == DiagnosticCodes.ScoreAboveWeight).Select(f => (f.Path, f.Arguments["weight"])).Should().BeEquivalentTo(
        [
            ("$.stated.budgetScore", "10"), ("$.stated.totalScore", "100"), ("$.stated.level1Scores.output", "50"),
            ("$.stated.level2Scores.quantity", "50"), ("$.stated.scores.m", "10"), ("$.indicators.q.score", "30"),
        ]);
        audit.Comparisons.Where(c => c.Path is "$.stated.budgetScore" or "$.stated.totalScore").Should().OnlyContain(c => !c.Agrees);
    }

    [Fact]
    public void A_stated_level_subtotal_is_compared_with_the_sum_of_its_indicators_scores()
    {
        // Output: n 40 × 343 / 400 = 34.30, m 10 → 44.30. Quantity is the same two indicators; satisfaction: s 10.
        var audit = AuditOf("""{ "level1Scores": { "output": 44.3, "satisfaction": 9 }, "level2Scores": { "quantity": 45, "ecological": 1 } }""");

        audit.Comparisons.Select(c => (c.Path, c.Recomputed, c.Agrees)).Should().Equal(
            ("$.stated.level1Scores.output", "44.3", true),
            ("$.stated.level1Scores.satisfaction", "10", false),
            ("$.stated.level2Scores.quantity", "44", false));
        audit.Findings.Should().Contain(f => f.Code == DiagnosticCodes.StatedUnknownItem && f.Path == "$.stated.level2Scores.ecological", "the set has no ecological indicator");
    }

    [Theory]
    [InlineData("各项绩效指标均按要求完成")]
    [InlineData("项目绩效目标均已达到预期")]
    [InlineData("完成了全部绩效目标")]
    [InlineData("年度各项指标全部按计划完成，资金使用规范")]
    [InlineData("All targets were achieved.")]
    public void A_conclusion_in_common_words_that_claims_every_target_met_is_checked(string conclusion)
    {
        ConclusionClaims.Default.Claims(conclusion).Should().BeTrue();
        AuditOf($$"""{ "conclusion": "{{conclusion}}" }""").Findings.Should().Contain(f => f.Code == DiagnosticCodes.ConclusionContradicts);
    }

    [Theory]
    [InlineData("部分指标未全部完成，下一步加强管理")]
    [InlineData("培训人数指标尚未全部完成")]
    [InlineData("各项指标均未完成")]
    [InlineData("资金使用规范，效益明显")]
    public void A_conclusion_that_does_not_claim_every_target_met_is_not_held_against_the_report(string conclusion)
    {
        ConclusionClaims.Default.Claims(conclusion).Should().BeFalse();
        AuditOf($$"""{ "conclusion": "{{conclusion}}" }""").Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ConclusionContradicts);
    }

    [Fact]
    public void A_rule_author_extends_the_conclusion_claims_with_phrases_of_their_own()
    {
        const string conclusion = "年度任务圆满收官";
        var set = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(
            $$"""{ "indicatorSet": "s", "budget": { "available": 1, "spent": 1 }, "indicators": { "n": 343, "m": 120, "q": "明显提升", "s": "95%" }, "stated": { "conclusion": "{{conclusion}}" } }""",
            "actuals.json").GetValueOrThrow();
        var evaluation = new Evaluator().Evaluate(set, actuals);

        Auditor.Audit(evaluation, actuals).Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ConclusionContradicts);
        Auditor.Audit(evaluation, actuals, claims: ConclusionClaims.Default.WithPhrases(["圆满收官"])).Findings
            .Should().ContainSingle(f => f.Code == DiagnosticCodes.ConclusionContradicts).Which.Arguments["count"].Should().Be("1", "only 培训人数 (343 of 400) was not met");
    }

    [Fact]
    public void The_default_conclusion_claims_are_the_data_file_in_the_rules_folder()
    {
        var file = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedExample.RepositoryRoot(), "rules", "audit", "conclusion-claims.json"))).RootElement;

        ConclusionClaims.Default.Phrases.Should().Equal(file.GetProperty("phrases").EnumerateArray().Select(e => e.GetString()));
        ConclusionClaims.Default.Patterns.Should().Equal(file.GetProperty("patterns").EnumerateArray().Select(e => e.GetString()));
        ConclusionClaims.Default.Negations.Should().Equal(file.GetProperty("negations").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_qualitative_score_outside_its_grades_band_is_an_error()
    {
        // Partial grade, weight 30: the band is [18, 24); 26 lies outside it.
        var audit = AuditOf("""{ "scores": { "q": 26 } }""");

        audit.Findings.Should().Contain(f => f.Code == DiagnosticCodes.StatedScoreOutOfBand && f.Arguments["low"] == "18" && f.Arguments["high"] == "24");
    }

    [Theory]
    [InlineData("18", false)]
    [InlineData("23.99", false)]
    [InlineData("17.99", true)]
    [InlineData("24", true)]
    public void A_partial_grades_band_includes_its_low_end_and_excludes_its_high_end(string stated, bool outside)
    {
        // Partial grade, weight 30: the band is [18, 24).
        var audit = AuditOf($$"""{ "scores": { "q": {{stated}} } }""");

        var finding = audit.Findings.Where(f => f.Code == DiagnosticCodes.StatedScoreOutOfBand).ToList();
        finding.Should().HaveCount(outside ? 1 : 0);
        if (outside)
        {
            finding[0].Path.Should().Be("$.stated.scores.q");
            finding[0].Arguments.Should().Contain(new Dictionary<string, string> { ["name"] = "服务质量", ["stated"] = stated, ["low"] = "18", ["high"] = "24" });
            finding[0].Arguments.Should().ContainKey("grade");
            finding[0].Message.Should().Contain(stated).And.Contain("18").And.Contain("24");
        }
    }

    [Theory]
    [InlineData("24", false)]
    [InlineData("30", false)]
    [InlineData("23.99", true)]
    public void An_achieved_grades_band_includes_both_ends(string stated, bool outside)
    {
        var audit = AuditOf($$"""{ "scores": { "q": {{stated}} } }""", """{ "n": 343, "m": 120, "q": { "actual": "明显提升", "grade": "achieved" }, "s": "95%" }""");

        audit.Findings.Count(f => f.Code == DiagnosticCodes.StatedScoreOutOfBand).Should().Be(outside ? 1 : 0);
        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ScoreAboveWeight, "30 is the weight itself");
    }

    [Theory]
    [InlineData("10", false)]
    [InlineData("10.01", true)]
    public void A_stated_score_equal_to_its_weight_is_not_above_it(string stated, bool above)
    {
        var audit = AuditOf($$"""{ "scores": { "m": {{stated}} } }""");

        var findings = audit.Findings.Where(f => f.Code == DiagnosticCodes.ScoreAboveWeight).ToList();
        findings.Should().HaveCount(above ? 1 : 0);
        if (above)
        {
            findings[0].Arguments.Should().Contain(new Dictionary<string, string> { ["name"] = "覆盖人数", ["stated"] = stated, ["weight"] = "10" });
        }
    }

    [Theory]
    [InlineData("10", false)]
    [InlineData("9.99", true)]
    public void A_met_indicator_is_flagged_only_below_its_full_weight(string stated, bool flagged)
    {
        var audit = AuditOf($$"""{ "scores": { "m": {{stated}} } }""");

        var findings = audit.Findings.Where(f => f.Code == DiagnosticCodes.MetButScoredBelowWeight).ToList();
        findings.Should().HaveCount(flagged ? 1 : 0);
        if (flagged)
        {
            findings[0].Arguments.Should().Contain(new Dictionary<string, string> { ["name"] = "覆盖人数", ["stated"] = stated, ["weight"] = "10" });
        }
    }

    [Fact]
    public void A_met_indicator_scored_below_its_weight_is_flagged()
    {
        // 120 of 100 people: met, full 10 points; the report gives 9.
        var audit = AuditOf("""{ "scores": { "m": 9 } }""");

        audit.Findings.Should().Contain(f => f.Code == DiagnosticCodes.MetButScoredBelowWeight && f.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void A_conclusion_of_full_completion_is_accepted_only_when_every_indicator_was_met()
    {
        const string met = """{ "n": 400, "m": 120, "q": "明显提升", "s": "95%" }""";
        AuditOf("""{ "conclusion": "各项绩效目标全面完成" }""", met).Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ConclusionContradicts);
        AuditOf("""{ "conclusion": "各项绩效目标全面完成" }""").Findings.Should().Contain(f => f.Code == DiagnosticCodes.ConclusionContradicts);
    }

    [Fact]
    public void A_stated_figure_for_an_unknown_indicator_is_reported()
    {
        AuditOf("""{ "completionRates": { "nope": 100 } }""").Findings.Should().Contain(f => f.Code == DiagnosticCodes.StatedUnknownItem && f.Path == "$.stated.completionRates.nope");
    }

    [Fact]
    public void The_audit_json_names_stated_and_recomputed_values()
    {
        var json = System.Text.Json.JsonDocument.Parse(AuditJson.ToJson(_seedAudit)).RootElement;

        json.GetProperty("hasErrors").GetBoolean().Should().BeTrue();
        var share = json.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("code").GetString() == "PE4001");
        share.GetProperty("stated").GetString().Should().Be("24.27");
        share.GetProperty("recomputed").GetString().Should().Be("24.28");
    }

    private static AuditResult AuditOfBudget(string budget, string stated)
    {
        var set = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(
            $$"""
            { "indicatorSet": "s", "budget": {{budget}},
              "indicators": { "n": 343, "m": 120, "q": { "actual": "有所提升", "grade": "partial" }, "s": "95%" },
              "stated": {{stated}} }
            """, "actuals.json").GetValueOrThrow();
        return Auditor.Audit(new Evaluator().Evaluate(set, actuals), actuals);
    }

    [Theory]
    [InlineData("85")]
    [InlineData("85.5")]
    [InlineData("85.50")]
    [InlineData("85.496")]
    [InlineData("85.4960")]
    public void A_stated_execution_rate_agrees_when_the_exact_rate_rounds_to_it_at_the_stated_precision(string rate)
    {
        var audit = AuditOfBudget("""{ "available": 1000, "spent": 854.96 }""", $$"""{ "executionRate": {{rate}} }""");

        audit.Comparisons.Should().ContainSingle(c => c.Path == "$.stated.executionRate").Which.Agrees.Should().BeTrue($"85.496 % is {rate} at {rate}'s precision");
        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.StatedFigureDisagrees);
    }

    [Theory]
    [InlineData("86", "854.96", "85")]
    [InlineData("85.49", "854.95", "85.50")]
    [InlineData("85.4", "854.95", "85.5")]
    public void A_stated_execution_rate_disagrees_when_the_exact_rate_rounds_otherwise(string rate, string spent, string recomputed)
    {
        var audit = AuditOfBudget($$"""{ "available": 1000, "spent": {{spent}} }""", $$"""{ "executionRate": {{rate}} }""");

        var finding = audit.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.StatedFigureDisagrees).Subject;
        finding.Arguments["recomputed"].Should().Be(recomputed, "the exact rate is rounded once, to the stated precision");
        audit.Comparisons.Single(c => c.Path == "$.stated.executionRate").Agrees.Should().BeFalse();
    }

    [Fact]
    public void A_stated_share_is_compared_with_the_exact_share_not_the_rounded_one()
    {
        // 1 / 3 of the spending is 33.333… %: a report that states 33 is right, though the table shows 33.33.
        var audit = AuditOf("""{ "expenditureShares": { "x": 33, "y": 33.3, "z": 33.333 } }""");

        audit.Comparisons.Where(c => c.Path.StartsWith("$.stated.expenditureShares", StringComparison.Ordinal)).Should().OnlyContain(c => c.Agrees);
    }

    [Fact]
    public void A_stated_completion_rate_is_compared_with_the_exact_rate()
    {
        // 343 of 400 is 85.75 %; at one decimal the report may state 85.8, at none 86.
        var oneDecimal = AuditOf("""{ "completionRates": { "n": 85.8 } }""");
        var none = AuditOf("""{ "completionRates": { "n": 86 } }""");

        oneDecimal.Comparisons.Single(c => c.Path == "$.stated.completionRates.n").Agrees.Should().BeTrue();
        none.Comparisons.Single(c => c.Path == "$.stated.completionRates.n").Agrees.Should().BeTrue();
    }

    [Fact]
    public void A_stated_total_whose_detail_rows_do_not_add_up_is_not_shown_as_agreeing()
    {
        var audit = AuditOfBudget("""{ "available": 1000, "sources": { "a": 600, "b": 300 }, "spent": 900 }""", """{ "available": 1000 }""");

        audit.Findings.Should().Contain(f => f.Code == DiagnosticCodes.TotalContradictsDetail && f.Path == "$.stated.available");
        audit.Comparisons.Single(c => c.Path == "$.stated.available").Agrees.Should().BeFalse("the table and the findings say the same thing about each figure");
    }
}
