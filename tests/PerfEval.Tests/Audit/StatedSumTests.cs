using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Scoring;
using PerfEval.Tests.Schema;

namespace PerfEval.Tests.Audit;

/// <summary>PE4009: a stated total or subtotal that the report's own stated parts do not add up to, beyond their rounding.</summary>
public sealed class StatedSumTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    // Schemas are registered globally by their address: this class's copy has an address of its own.
    private static readonly Lazy<JsonSchema> AuditSchema = new(() => JsonSchema.FromText(
        File.ReadAllText(Path.Combine(Testing.Repository.Root(), "docs", "audit.schema.json")), new BuildOptions(), new Uri("https://perfeval.invalid/stated-sums/audit.schema.json")));

    // Budget 10; output: n 40 and m 10 (quantity); benefit: q 30 (social); satisfaction: s 10.
    private const string Set = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "budget": { "sources": [ { "id": "a", "name": "中央资金" } ] },
          "indicators": [
            { "id": "n", "name": "培训人数", "level2": "quantity", "target": "400", "unit": "人", "weight": 40 },
            { "id": "m", "name": "覆盖人数", "level2": "quantity", "target": "100", "unit": "人", "weight": 10 },
            { "id": "q", "name": "服务质量", "level2": "social", "target": "明显提升", "weight": 30 },
            { "id": "s", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 } ] }
        """;

    private const string Scores = """ "scores": { "n": 34, "m": 10, "q": 24, "s": 10 } """;

    private static AuditResult AuditOf(string stated, ScoringPolicy? policy = null, CultureInfo? culture = null)
    {
        var set = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(
            $$"""
            { "indicatorSet": "s",
              "budget": { "available": 100, "spent": 90, "sources": { "a": 100 } },
              "indicators": { "n": 343, "m": 120, "q": { "actual": "有所提升", "grade": "partial" }, "s": "95%" },
              "stated": { {{stated}} } }
            """, "actuals.json").GetValueOrThrow();
        var evaluator = policy is null ? new Evaluator() : new Evaluator(policy);
        return Auditor.Audit(evaluator.Evaluate(set, actuals), actuals, culture: culture ?? En);
    }

    private static List<Diagnostic> Sums(AuditResult audit) => [.. audit.Findings.Where(f => f.Code == DiagnosticCodes.StatedScoresDoNotAddUp)];

    [Fact]
    public void A_stated_total_that_its_stated_budget_and_indicator_scores_add_up_to_has_no_finding()
    {
        // 9 + 34 + 10 + 24 + 10 = 87.
        Sums(AuditOf($$""" "budgetScore": 9, {{Scores}}, "totalScore": 87 """)).Should().BeEmpty();
    }

    [Fact]
    public void A_stated_total_further_from_its_stated_parts_than_rounding_explains_is_an_error_that_names_the_total_the_sum_and_the_parts()
    {
        // Five whole-number parts may be 5 × 0.5 off, the whole-number total 0.5: 3 in all; 91 is 4 from 87.
        var audit = AuditOf($$""" "budgetScore": 9, {{Scores}}, "totalScore": 91 """);

        var finding = Sums(audit).Should().ContainSingle().Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Path.Should().Be("$.stated.totalScore");
        finding.Arguments.Should().Contain("stated", "91").And.Contain("sum", "87").And.Contain("count", "5").And.Contain("tolerance", "3");
        finding.Message.Should().Be("total score: the report states 91, but the budget score and the indicator scores, 5 figures as stated, add up to 87; their rounding explains a difference of at most 3.");
        finding.Location.Should().NotBeNull();
    }

    [Fact]
    public void The_finding_is_written_in_chinese_for_a_chinese_audit()
    {
        var finding = Sums(AuditOf($$""" "budgetScore": 9, {{Scores}}, "totalScore": 91 """, culture: CultureInfo.GetCultureInfo("zh-CN"))).Single();

        finding.Message.Should().Be("总分：报告陈述 91，但预算执行得分与各指标得分（共 5 项陈述值）合计为 87，舍入至多能解释 3 的差额。");
    }

    [Theory]
    [InlineData("90", false)] // 3 from 87: exactly what five whole parts (2.5) and a whole total (0.5) can be off by
    [InlineData("84", false)]
    [InlineData("91", true)]
    [InlineData("83", true)]
    [InlineData("89.5", false)] // a total at one decimal is allowed 0.05: 2.5 from 87, within 2.55
    [InlineData("89.6", true)]
    [InlineData("89.50", false)] // at two decimals 0.005: within 2.505
    [InlineData("89.51", true)]
    public void A_total_is_held_against_whole_number_parts_only_beyond_half_a_point_for_each_and_half_a_unit_of_its_own(string total, bool finding)
    {
        Sums(AuditOf($$""" "budgetScore": 9, {{Scores}}, "totalScore": {{total}} """)).Should().HaveCount(finding ? 1 : 0);
    }

    [Theory]
    [InlineData("87.43", false)] // parts at two decimals: 5 × 0.005 + 0.005 = 0.03 from 87.40
    [InlineData("87.37", false)]
    [InlineData("87.44", true)]
    [InlineData("87.36", true)]
    [InlineData("87.4", false)]
    [InlineData("87.5", true)] // 0.1 > 0.025 + 0.05
    public void Parts_stated_to_two_decimals_leave_only_hundredths_for_rounding(string total, bool finding)
    {
        var audit = AuditOf($$""" "budgetScore": 9.00, "scores": { "n": 34.30, "m": 10.00, "q": 24.10, "s": 10.00 }, "totalScore": {{total}} """);

        Sums(audit).Should().HaveCount(finding ? 1 : 0);
    }

    [Fact]
    public void Each_part_is_allowed_the_rounding_of_its_own_stated_precision()
    {
        // Two parts at one decimal, three whole, a whole total: 2 × 0.05 + 3 × 0.5 + 0.5 = 2.1.
        // 9.6 + 34.3 + 10 + 24 + 10 = 87.9, 2.1 from 90; 9.5 + 34.3 + 10 + 24 + 10 = 87.8, 2.2 from 90.
        Sums(AuditOf(""" "budgetScore": 9.6, "scores": { "n": 34.3, "m": 10, "q": 24, "s": 10 }, "totalScore": 90 """)).Should().BeEmpty();
        Sums(AuditOf(""" "budgetScore": 9.5, "scores": { "n": 34.3, "m": 10, "q": 24, "s": 10 }, "totalScore": 90 """)).Single().Arguments
            .Should().Contain("tolerance", "2.1").And.Contain("sum", "87.8");
    }

    [Theory]
    [InlineData(""" "budgetScore": 9, "scores": { "n": 34, "m": 10, "q": 24 }, "totalScore": 99 """)] // s is not stated
    [InlineData(""" "scores": { "n": 34, "m": 10, "q": 24, "s": 10 }, "totalScore": 99 """)] // the budget is scored but its score is not stated
    [InlineData(""" "budgetScore": 9, "scores": { "n": 34, "m": 10, "q": 24, "s": 10, "x": 3 }, "totalScore": 99 """)] // a score for an id the set does not have
    [InlineData(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24 }, "totalScore": 99 """)] // no satisfaction subtotal
    [InlineData(""" "budgetScore": 9, "scores": { "n": 34, "m": 10, "q": 24, "s": 10 } """)] // no total
    public void A_total_is_not_checked_when_one_of_its_parts_is_not_stated(string stated)
    {
        Sums(AuditOf(stated)).Should().BeEmpty();
    }

    [Fact]
    public void Without_a_budget_score_in_the_policy_the_total_is_the_sum_of_the_indicator_scores()
    {
        var policy = ScoringPolicy.Mof2020 with { BudgetWeight = 0m };

        Sums(AuditOf($$""" {{Scores}}, "totalScore": 78 """, policy)).Should().BeEmpty("34 + 10 + 24 + 10 = 78");
        Sums(AuditOf($$""" {{Scores}}, "totalScore": 81 """, policy)).Single().Arguments["count"].Should().Be("4");
        Sums(AuditOf($$""" "budgetScore": 9, {{Scores}}, "totalScore": 81 """, policy)).Should().BeEmpty("a budget score the policy does not count leaves the total's parts unclear");
    }

    [Fact]
    public void A_stated_total_is_also_checked_against_the_budget_score_and_every_level_1_subtotal()
    {
        // 9 + 44 + 24 + 10 = 87.
        Sums(AuditOf(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24, "satisfaction": 10 }, "totalScore": 87 """)).Should().BeEmpty();

        var finding = Sums(AuditOf(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24, "satisfaction": 10 }, "totalScore": 93 """)).Single();
        finding.Arguments.Should().Contain("sum", "87").And.Contain("count", "4").And.Contain("tolerance", "2.5");
        finding.Message.Should().Contain("the budget score and the level-1 subtotals");
    }

    [Fact]
    public void A_total_that_both_its_indicator_scores_and_its_subtotals_miss_by_the_same_sum_is_one_finding()
    {
        var audit = AuditOf($$""" "budgetScore": 9, {{Scores}}, "level1Scores": { "output": 44, "benefit": 24, "satisfaction": 10 }, "totalScore": 95 """);

        Sums(audit).Should().ContainSingle().Which.Arguments["count"].Should().Be("5");
    }

    [Fact]
    public void A_stated_level_subtotal_is_checked_against_the_stated_scores_of_every_indicator_under_it()
    {
        // output and quantity: n 34 + m 10 = 44, two whole parts: 1 + 0.5 = 1.5.
        var audit = AuditOf($$""" {{Scores}}, "level1Scores": { "output": 46, "satisfaction": 10 }, "level2Scores": { "quantity": 45 } """);

        Sums(audit).Select(f => (f.Path, f.Arguments["sum"], f.Arguments["count"])).Should().Equal(("$.stated.level1Scores.output", "44", "2"));
    }

    [Fact]
    public void A_stated_level_subtotal_is_not_checked_when_a_score_under_it_is_not_stated()
    {
        Sums(AuditOf(""" "scores": { "n": 34, "q": 24, "s": 10 }, "level1Scores": { "output": 50 }, "level2Scores": { "quantity": 50 } """)).Should().BeEmpty();
    }

    [Fact]
    public void A_stated_total_that_agrees_with_the_recomputation_but_not_with_its_own_parts_is_not_shown_as_agreeing()
    {
        // Recomputed: budget 10 × 0.9 = 9, n 34.3, m 10, q 18 (partial: 0.6 × 30), s 10: 81.3, and the stated 81 agrees with it;
        // the stated parts add up to 9 + 30 + 10 + 18 + 10 = 77.
        var audit = AuditOf(""" "budgetScore": 9, "scores": { "n": 30, "m": 10, "q": 18, "s": 10 }, "totalScore": 81 """);

        audit.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.StatedFigureDisagrees && f.Path == "$.stated.totalScore");
        Sums(audit).Should().ContainSingle().Which.Path.Should().Be("$.stated.totalScore");
        audit.Comparisons.Single(c => c.Path == "$.stated.totalScore").Should().Match<StatedComparison>(c => c.Recomputed == "81" && !c.Agrees);
    }

    [Fact]
    public void The_audit_json_writes_the_finding_with_the_stated_total_and_follows_the_schema()
    {
        var json = AuditJson.ToJson(AuditOf($$""" "budgetScore": 9, {{Scores}}, "totalScore": 91 """));

        var finding = JsonNode.Parse(json)!["findings"]!.AsArray().Single(f => (string?)f!["code"] == "PE4009")!;
        ((string?)finding["stated"]).Should().Be("91");
        ((string?)finding["path"]).Should().Be("$.stated.totalScore");
        SchemaFiles.Errors(AuditSchema.Value, json).Should().BeEmpty();
    }
}
