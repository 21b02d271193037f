using FluentAssertions;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Tests.Golden;

/// <summary>The report draft for the seed example reproduces every figure of the report's section 二.</summary>
public sealed class ReportDraftTests : IClassFixture<SeedExample>
{
    private readonly string _draft;

    public ReportDraftTests(SeedExample seed) => _draft = ReportDraft.ToChinese(seed.Result);

    [Fact]
    public void The_funds_paragraph_has_the_five_sources_and_their_total()
    {
        _draft.Should().Contain("共筹集资金3877.67万元，其中：中央财政资金1409.70万元，自治区财政资金366.55万元，盟市财政资金226.78万元，旗县财政资金316.56万元，上年结余资金1558.08万元。");
    }

    [Fact]
    public void The_spending_paragraph_has_the_execution_rate_and_the_six_shares()
    {
        _draft.Should().Contain("支出3861.14万元，执行率为99.57%。");
        _draft.Should().Contain("就业创业服务补助支出62.20万元，占总支出的1.61%")
            .And.Contain("社会保险补贴支出2189.86万元，占总支出的56.72%")
            .And.Contain("公益性岗位补贴支出623.82万元，占总支出的16.16%")
            .And.Contain("就业见习补贴支出42.70万元，占总支出的1.11%")
            .And.Contain("一次性创业补贴支出5.00万元，占总支出的0.13%");

        // The report prints 24.27 %; 937.56 / 3861.14 = 24.2819… %, so the draft says 24.28 % (the audit flags the report).
        _draft.Should().Contain("其他就业补助支出937.56万元，占总支出的24.28%").And.NotContain("24.27%");
    }

    [Theory]
    [InlineData("社会保险补贴人数年度目标指标值为2300人，2025年实际完成2781人，完成年度预期目标的120.91%")]
    [InlineData("享受就业见习补贴人数年度目标指标值为113人，2025年实际完成46人，完成年度预期目标的40.71%，因2025年部分见习人员未达到发放补贴时间或条件")]
    [InlineData("就业困难人员享受公益性岗位补贴人数年度目标指标值为90人，2025年实际完成99人，完成年度预期目标的110%")]
    [InlineData("享受一次性创业补贴人数年度目标指标值为5人，2025年实际完成5人，完成年度预期目标的100%")]
    [InlineData("基层劳动保障协理员补助人数年度目标指标值为100人，2025年实际完成108人，完成年度预期目标的108%")]
    [InlineData("2025年招募人员体检年度目标指标值为60人，2025年实际完成0人，完成年度预期目标的0%，因2025年未开展人才储备体检工作。改进措施：预计2026年组织开展储备人员体检工作。")]
    [InlineData("新招募人员体检工作完成时间年度目标指标值为12月底前，2025年实际未完成，完成年度预期目标的0%")]
    [InlineData("新招募人员岗前培训时间年度目标指标值为9月底前，2025年实际完成9月底前，完成年度预期目标的100%")]
    [InlineData("城镇新增就业人数年度目标指标值为330人，2025年实际完成405人，完成年度预期目标的122.73%")]
    [InlineData("年末高校毕业生就业去向落实率年度目标指标值为≥95%，2025年实际完成100%")]
    [InlineData("失业人员再就业人数年度目标指标值为370人，2025年实际完成408人，完成年度预期目标的110.27%")]
    [InlineData("就业困难人员就业人数年度目标指标值为380人，2025年实际完成362人，完成年度预期目标的95.26%，2025年申请认定就业困难人员减少，已向上级申请下调任务目标。改进措施：加大就业政策宣传力度。")]
    [InlineData("资金拨付及时率年度目标指标值为98%，2025年实际完成100%")]
    [InlineData("就业政策满意度年度目标指标值为≥95%，2025年实际完成98%")]
    [InlineData("项目持续发挥作用期限年度目标指标值为2年，2025年实际完成2年")]
    [InlineData("生活补贴标准年度目标指标值为700元/人/月，2025年实际完成值为700元/人/月。")]
    public void Each_indicator_is_written_in_the_reports_sentence_pattern(string sentence)
    {
        _draft.Should().Contain(sentence);
    }

    [Fact]
    public void Indicators_are_grouped_by_level2_group_then_by_programme_as_in_the_report()
    {
        var headings = new[] { "1. 数量指标分析", "2. 质量指标分析", "3. 时效指标分析", "4. 成本指标分析", "5. 经济效益指标分析", "6. 社会效益指标分析", "7. 可持续影响指标分析", "8. 服务对象满意度指标分析" };
        headings.Select(h => _draft.IndexOf(h, StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);

        var quantity = _draft[_draft.IndexOf("1. 数量指标分析", StringComparison.Ordinal).._draft.IndexOf("2. 质量指标分析", StringComparison.Ordinal)];
        quantity.IndexOf("就业补助资金", StringComparison.Ordinal).Should().BeLessThan(quantity.IndexOf("高校毕业生到中小企业及非公有制组织就业补助经费", StringComparison.Ordinal));
    }

    [Fact]
    public void The_conclusion_names_the_four_unmet_indicators_and_never_claims_all_targets_were_met()
    {
        _draft.Should().NotContain("全面完成");
        _draft.Should().Contain("4项绩效指标未完成年度目标：享受就业见习补贴人数、2025年招募人员体检、新招募人员体检工作完成时间、就业困难人员就业人数。");
        _draft.Should().Contain("社会保险补贴人数（完成率120.91%）、城镇新增就业人数（完成率122.73%）");
    }

    [Fact]
    public void A_programme_that_met_every_target_is_said_to_have_met_them_all()
    {
        var set = PerfEvalJson.ReadIndicatorSet("""
            { "id": "s", "name": "测试项目", "year": 2025,
              "indicators": [ { "id": "a", "name": "培训人数", "level2": "quantity", "target": "100", "unit": "人", "weight": 90 } ] }
            """).GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 10, "spent": 10 }, "indicators": { "a": 120 } }""").GetValueOrThrow();

        var draft = ReportDraft.ToChinese(new Evaluator().Evaluate(set, actuals));

        draft.Should().Contain("测试项目各项绩效目标全面完成。").And.Contain("年度设定的1项绩效指标全部完成，自评得分100分");
    }

    [Theory]
    [InlineData(90, "预算执行率低于90%")]
    [InlineData(85, "预算执行率低于85%")]
    public void The_budget_paragraph_names_the_policys_explanation_threshold(int threshold, string sentence)
    {
        var set = PerfEvalJson.ReadIndicatorSet("""
            { "id": "s", "name": "测试项目", "year": 2025,
              "indicators": [ { "id": "a", "name": "培训人数", "level2": "quantity", "target": "100", "unit": "人", "weight": 90 } ] }
            """).GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 50 }, "indicators": { "a": 100 } }""").GetValueOrThrow();
        var policy = PerfEval.Scoring.ScoringPolicy.Mof2020 with { Name = "threshold-test", BudgetExplanationBelow = threshold };

        var draft = ReportDraft.ToChinese(new Evaluator(policy).Evaluate(set, actuals));

        draft.Should().Contain(sentence);
    }

    [Fact]
    public void An_empty_indicator_set_is_read_with_a_warning_and_its_draft_claims_no_completion()
    {
        var read = PerfEvalJson.ReadIndicatorSet("""{ "id": "s", "name": "测试项目", "year": 2025, "indicators": [] }""", "indicators.json");
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 10, "spent": 10 }, "indicators": {} }""").GetValueOrThrow();

        var warning = read.Diagnostics.Should().ContainSingle().Which;
        warning.Code.Should().Be(PerfEval.Diagnostics.DiagnosticCodes.EmptyIndicatorSet);
        warning.Severity.Should().Be(PerfEval.Diagnostics.DiagnosticSeverity.Warning);
        warning.Path.Should().Be("$.indicators");
        warning.Location.Should().NotBeNull();
        var result = new Evaluator().Evaluate(read.Value!, actuals);
        result.Findings.Should().ContainSingle(f => f.Code == PerfEval.Diagnostics.DiagnosticCodes.EmptyIndicatorSet, "the warning travels into the evaluation, once");
        var draft = ReportDraft.ToChinese(result);
        draft.Should().NotContain("全部完成").And.NotContain("全面完成").And.Contain("未设定可评价的绩效指标");
    }

    [Fact]
    public void A_set_built_in_code_without_indicators_gets_the_same_warning_when_evaluated()
    {
        var set = new PerfEval.Indicators.IndicatorSet { Id = "s", Name = "测试项目", Year = 2025, Indicators = [] };
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 10, "spent": 10 }, "indicators": {} }""").GetValueOrThrow();

        var result = new Evaluator().Evaluate(set, actuals);

        result.Findings.Should().ContainSingle(f => f.Code == PerfEval.Diagnostics.DiagnosticCodes.EmptyIndicatorSet && f.Path == "$.indicators");
    }
}
