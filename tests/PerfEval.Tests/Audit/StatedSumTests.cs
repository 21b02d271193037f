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

    private const string Actuals = """{ "n": 343, "m": 120, "q": { "actual": "有所提升", "grade": "partial" }, "s": "95%" }""";

    private const string Scores = """ "scores": { "n": 34, "m": 10, "q": 24, "s": 10 } """;

    // Budget 10; one indicator in each level-2 group of the 2020 table: output 20 + 10 + 10 + 10, benefit 10 + 10 + 5 + 5, satisfaction 10.
    private const string WideSet = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "budget": { "sources": [ { "id": "a", "name": "中央资金" } ] },
          "indicators": [
            { "id": "qt", "name": "培训人数", "level2": "quantity", "target": "100", "unit": "人", "weight": 20 },
            { "id": "ql", "name": "培训合格率", "level2": "quality", "target": "≥90%", "weight": 10 },
            { "id": "tm", "name": "补贴发放及时率", "level2": "timeliness", "target": "≥90%", "weight": 10 },
            { "id": "ct", "name": "人均培训成本", "level2": "cost", "target": "≤3000", "unit": "元", "weight": 10 },
            { "id": "ec", "name": "带动增收", "level2": "economic", "target": "≥50", "unit": "万元", "weight": 10 },
            { "id": "so", "name": "就业率", "level2": "social", "target": "≥80%", "weight": 10 },
            { "id": "el", "name": "绿色培训比例", "level2": "ecological", "target": "≥90%", "weight": 5 },
            { "id": "su", "name": "长效机制", "level2": "sustainability", "target": "明显提升", "weight": 5 },
            { "id": "sa", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 } ] }
        """;

    private const string WideActuals = """
        { "qt": 100, "ql": "95%", "tm": "95%", "ct": 2800, "ec": 60, "so": "85%", "el": "95%", "su": "明显提升", "sa": "95%" }
        """;

    // Budget 10; output: n 40 (quantity); cost as its own level 1 (2021 guidance): c1 5 (economicCost) and c2 5 (cost);
    // benefit: q 30 (social); satisfaction: s 10.
    private const string CostSet = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "budget": { "sources": [ { "id": "a", "name": "中央资金" } ] },
          "indicators": [
            { "id": "n", "name": "培训人数", "level2": "quantity", "target": "400", "unit": "人", "weight": 40 },
            { "id": "c1", "name": "人均培训成本", "level1": "cost", "level2": "economicCost", "target": "≤3000", "unit": "元", "weight": 5 },
            { "id": "c2", "name": "场地租赁成本", "level1": "cost", "level2": "cost", "target": "≤20", "unit": "万元", "weight": 5 },
            { "id": "q", "name": "服务质量", "level2": "social", "target": "明显提升", "weight": 30 },
            { "id": "s", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 } ] }
        """;

    private const string CostActuals = """{ "n": 400, "c1": 2800, "c2": 18, "q": "明显提升", "s": "95%" }""";

    private static AuditResult AuditOf(string stated, ScoringPolicy? policy = null, CultureInfo? culture = null, string indicatorSet = Set, string indicators = Actuals)
    {
        var set = PerfEvalJson.ReadIndicatorSet(indicatorSet, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(
            $$"""
            { "indicatorSet": "s",
              "budget": { "available": 100, "spent": 90, "sources": { "a": 100 } },
              "indicators": {{indicators}},
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
    [InlineData(""" "budgetScore": 9, "scores": { "n": 34, "m": 10, "q": 24, "x": 10 }, "totalScore": 99 """)] // as many scores as indicators, one for an id the set does not have
    [InlineData(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24 }, "totalScore": 99 """)] // no satisfaction subtotal
    [InlineData(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24, "cost": 10 }, "totalScore": 99 """)] // a subtotal of a level the programme does not have, none for satisfaction
    [InlineData(""" "budgetScore": 9, "level1Scores": { "output": 44, "产出指标": 44, "benefit": 24 }, "totalScore": 99 """)] // output named twice, no satisfaction subtotal
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
        Sums(AuditOf($$""" "budgetScore": 0, {{Scores}}, "totalScore": 81 """, policy)).Single().Arguments["count"].Should().Be("4", "a budget stated as 0 where the policy scores none is no part");
    }

    [Fact]
    public void Without_a_budget_score_in_the_policy_a_finding_names_only_the_indicator_scores_or_the_level_1_subtotals_as_the_parts()
    {
        var policy = ScoringPolicy.Mof2020 with { BudgetWeight = 0m };

        // 34 + 10 + 24 + 10 = 78, four whole parts and a whole total: 2.5.
        var byScores = Sums(AuditOf($$""" {{Scores}}, "totalScore": 82 """, policy)).Single();
        byScores.Path.Should().Be("$.stated.totalScore");
        byScores.Message.Should().Be("total score: the report states 82, but the indicator scores, 4 figures as stated, add up to 78; their rounding explains a difference of at most 2.5.");

        // 44 + 24 + 10 = 78, three whole parts and a whole total: 2.
        var bySubtotals = Sums(AuditOf(""" "level1Scores": { "output": 44, "benefit": 24, "satisfaction": 10 }, "totalScore": 81 """, policy)).Single();
        bySubtotals.Path.Should().Be("$.stated.totalScore");
        bySubtotals.Message.Should().Be("total score: the report states 81, but the level-1 subtotals, 3 figures as stated, add up to 78; their rounding explains a difference of at most 2.");
    }

    [Fact]
    public void A_stated_total_is_also_checked_against_the_budget_score_and_every_level_1_subtotal()
    {
        // 9 + 44 + 24 + 10 = 87.
        Sums(AuditOf(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24, "satisfaction": 10 }, "totalScore": 87 """)).Should().BeEmpty();

        var finding = Sums(AuditOf(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24, "satisfaction": 10 }, "totalScore": 93 """)).Single();
        finding.Path.Should().Be("$.stated.totalScore");
        finding.Arguments.Should().Contain("sum", "87").And.Contain("count", "4").And.Contain("tolerance", "2.5");
        finding.Message.Should().Be("total score: the report states 93, but the budget score and the level-1 subtotals, 4 figures as stated, add up to 87; their rounding explains a difference of at most 2.5.");
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
    public void A_stated_level_2_subtotal_that_the_scores_under_it_miss_is_an_error_at_its_own_path_named_by_its_level_2_group()
    {
        // quantity: n 34 + m 10 = 44, two whole parts and a whole subtotal: 1.5; social: q 24; satisfaction: s 10, one whole part: 1.
        var audit = AuditOf($$""" {{Scores}}, "level2Scores": { "quantity": 47, "social": 24, "satisfaction": 8 } """);

        Sums(audit).Select(f => (f.Path, f.Arguments["figure"], f.Arguments["stated"], f.Arguments["sum"], f.Arguments["count"], f.Arguments["tolerance"])).Should().Equal(
            ("$.stated.level2Scores.quantity", "Quantity score", "47", "44", "2", "1.5"),
            ("$.stated.level2Scores.satisfaction", "Service-recipient satisfaction score", "8", "10", "1", "1"));
        Sums(audit)[0].Message.Should().Be("Quantity score: the report states 47, but the indicator scores, 2 figures as stated, add up to 44; their rounding explains a difference of at most 1.5.");
        Sums(audit)[0].Location.Should().NotBeNull();
    }

    [Fact]
    public void A_level_1_and_a_level_2_subtotal_under_the_same_code_are_each_held_against_their_own_group()
    {
        // "cost" is a level 1 of its own (c1 4 + c2 5 = 9) and a level 2 under it (c2 5 alone).
        const string scores = """ "scores": { "n": 40, "c1": 4, "c2": 5, "q": 30, "s": 10 } """;

        Sums(AuditOf($$""" {{scores}}, "level1Scores": { "cost": 9 }, "level2Scores": { "cost": 5, "economicCost": 4 } """, indicatorSet: CostSet, indicators: CostActuals))
            .Should().BeEmpty();

        var audit = AuditOf($$""" {{scores}}, "level1Scores": { "cost": 5 }, "level2Scores": { "cost": 9 } """, indicatorSet: CostSet, indicators: CostActuals);
        Sums(audit).Select(f => (f.Path, f.Arguments["stated"], f.Arguments["sum"], f.Arguments["count"])).Should().Equal(
            ("$.stated.level1Scores.cost", "5", "9", "2"),
            ("$.stated.level2Scores.cost", "9", "5", "1"));
    }

    [Fact]
    public void Totals_then_level_1_then_level_2_subtotals_are_checked_in_the_order_of_the_indicator_tree()
    {
        // Stated scores: every indicator its weight, 90, and the budget 10: 100. The total 90 misses them (5.5 allowed)
        // and the budget with the level-1 subtotals, 10 + 45 + 25 + 5 = 85 (2.5 allowed); every subtotal is 2 below its one
        // or several whole parts (1 allowed for one part).
        const string stated = """
            "level2Scores": { "satisfaction": 8, "sustainability": 3, "ecological": 3, "social": 8, "economic": 8, "cost": 8, "timeliness": 8, "quality": 8, "quantity": 18 },
            "level1Scores": { "satisfaction": 5, "benefit": 25, "output": 45 },
            "scores": { "sa": 10, "su": 5, "el": 5, "so": 10, "ec": 10, "ct": 10, "tm": 10, "ql": 10, "qt": 20 },
            "budgetScore": 10, "totalScore": 90
            """;

        Sums(AuditOf(stated, indicatorSet: WideSet, indicators: WideActuals)).Select(f => (f.Path, f.Arguments["sum"])).Should().Equal(
            ("$.stated.totalScore", "100"),
            ("$.stated.totalScore", "85"),
            ("$.stated.level1Scores.output", "50"),
            ("$.stated.level1Scores.benefit", "30"),
            ("$.stated.level1Scores.satisfaction", "10"),
            ("$.stated.level2Scores.quantity", "20"),
            ("$.stated.level2Scores.quality", "10"),
            ("$.stated.level2Scores.timeliness", "10"),
            ("$.stated.level2Scores.cost", "10"),
            ("$.stated.level2Scores.economic", "10"),
            ("$.stated.level2Scores.social", "10"),
            ("$.stated.level2Scores.ecological", "5"),
            ("$.stated.level2Scores.sustainability", "5"),
            ("$.stated.level2Scores.satisfaction", "10"));
    }

    [Fact]
    public void Subtotals_stated_for_one_group_under_several_names_are_checked_in_the_ordinal_order_of_the_names()
    {
        // output and quantity: n 34 + m 10 = 44; each name's subtotal is off by more than 1.5.
        var audit = AuditOf($$"""
            {{Scores}},
            "level1Scores": { "产出指标": 40, "output": 41, "产出": 42, "Output": 47 },
            "level2Scores": { "数量": 40, "quantity": 41, "数量指标": 42, "QUANTITY": 47, "Quantity": 48 }
            """);

        Sums(audit).Select(f => (f.Path, f.Arguments["stated"])).Should().Equal(
            ("$.stated.level1Scores.Output", "47"),
            ("$.stated.level1Scores.output", "41"),
            ("$.stated.level1Scores.产出", "42"),
            ("$.stated.level1Scores.产出指标", "40"),
            ("$.stated.level2Scores.QUANTITY", "47"),
            ("$.stated.level2Scores.Quantity", "48"),
            ("$.stated.level2Scores.quantity", "41"),
            ("$.stated.level2Scores.数量", "40"),
            ("$.stated.level2Scores.数量指标", "42"));
    }

    [Fact]
    public void A_stated_subtotal_of_a_group_the_programme_does_not_have_is_an_unknown_item_not_a_sum_that_does_not_add_up()
    {
        // No cost level and no ecological group; quantity is a level 2, not a level 1.
        var audit = AuditOf($$""" {{Scores}}, "level1Scores": { "cost": 5, "quantity": 50 }, "level2Scores": { "ecological": 3 } """);

        Sums(audit).Should().BeEmpty();
        audit.Findings.Where(f => f.Code == DiagnosticCodes.StatedUnknownItem).Select(f => f.Path)
            .Should().Equal("$.stated.level1Scores.cost", "$.stated.level1Scores.quantity", "$.stated.level2Scores.ecological");
    }

    [Fact]
    public void A_stated_level_subtotal_is_not_checked_when_a_score_under_it_is_not_stated()
    {
        Sums(AuditOf(""" "scores": { "n": 34, "q": 24, "s": 10 }, "level1Scores": { "output": 50 }, "level2Scores": { "quantity": 50 } """)).Should().BeEmpty();
    }

    [Fact]
    public void An_indicator_that_does_not_apply_and_has_no_stated_score_is_no_part_of_a_total_or_a_subtotal()
    {
        // m does not apply: the report leaves it out. 9 + 34 + 24 + 10 = 77 (four whole parts and a whole total: 2.5);
        // quantity and output are n's 34 alone (1 allowed).
        const string actuals = """{ "n": 343, "m": { "notApplicable": true }, "q": { "actual": "有所提升", "grade": "partial" }, "s": "95%" }""";
        const string scores = """ "budgetScore": 9, "scores": { "n": 34, "q": 24, "s": 10 } """;

        Sums(AuditOf($$""" {{scores}}, "level1Scores": { "output": 34, "benefit": 24, "satisfaction": 10 }, "level2Scores": { "quantity": 34 }, "totalScore": 77 """, indicators: actuals))
            .Should().BeEmpty();

        var audit = AuditOf($$""" {{scores}}, "level1Scores": { "output": 44, "benefit": 24, "satisfaction": 10 }, "level2Scores": { "quantity": 44 }, "totalScore": 87 """, indicators: actuals);
        Sums(audit).Select(f => (f.Path, f.Arguments["stated"], f.Arguments["sum"], f.Arguments["count"])).Should().Equal(
            ("$.stated.totalScore", "87", "77", "4"),
            ("$.stated.level1Scores.output", "44", "34", "1"),
            ("$.stated.level2Scores.quantity", "44", "34", "1"));
    }

    [Fact]
    public void A_score_stated_for_an_indicator_that_does_not_apply_is_still_a_part()
    {
        const string actuals = """{ "n": 343, "m": { "notApplicable": true }, "q": { "actual": "有所提升", "grade": "partial" }, "s": "95%" }""";

        // 9 + 34 + 10 + 24 + 10 = 87: the report gave m its 10 points, and its total and subtotal count them.
        Sums(AuditOf($$""" "budgetScore": 9, {{Scores}}, "level2Scores": { "quantity": 44 }, "totalScore": 87 """, indicators: actuals)).Should().BeEmpty();
        Sums(AuditOf($$""" "budgetScore": 9, {{Scores}}, "level2Scores": { "quantity": 34 }, "totalScore": 77 """, indicators: actuals))
            .Select(f => (f.Path, f.Arguments["sum"], f.Arguments["count"])).Should().Equal(("$.stated.totalScore", "87", "5"), ("$.stated.level2Scores.quantity", "44", "2"));
    }

    [Fact]
    public void A_level_1_group_where_nothing_applies_needs_no_subtotal_for_the_total_to_be_checked()
    {
        // s, the only satisfaction indicator, does not apply: 9 + 44 + 24 = 77 from the budget and two subtotals (2 allowed).
        const string actuals = """{ "n": 343, "m": 120, "q": { "actual": "有所提升", "grade": "partial" }, "s": { "notApplicable": true } }""";

        Sums(AuditOf(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24 }, "totalScore": 77 """, indicators: actuals)).Should().BeEmpty();
        Sums(AuditOf(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24 }, "totalScore": 80 """, indicators: actuals))
            .Select(f => (f.Path, f.Arguments["sum"], f.Arguments["count"], f.Arguments["tolerance"])).Should().Equal(("$.stated.totalScore", "77", "3", "2"));
        Sums(AuditOf(""" "budgetScore": 9, "level1Scores": { "output": 44, "benefit": 24, "satisfaction": 0 }, "totalScore": 80 """, indicators: actuals))
            .Select(f => (f.Path, f.Arguments["sum"], f.Arguments["count"])).Should().Equal(("$.stated.totalScore", "77", "4"));
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
