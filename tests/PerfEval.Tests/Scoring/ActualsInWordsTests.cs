using System.Text.Json;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Reporting;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.IndicatorBuilder;

namespace PerfEval.Tests.Scoring;

/// <summary>
/// A numeric or range target met in words ("均在18-54周岁之间", "均符合要求", "完成"): judged by the preparer's grade or
/// score under the policy's qualitative bands, shown as written, and a PE2025 when neither is given.
/// </summary>
public sealed class ActualsInWordsTests
{
    private const string SetId = "words-2025";

    private static EvaluationResult Evaluate(IndicatorDefinition d, IndicatorActual a, ScoringPolicy? policy = null) =>
        new Evaluator(policy ?? ScoringPolicy.Mof2020).Evaluate(
            new IndicatorSet { Id = SetId, Name = "文字实际值测试项目", Year = 2025, Indicators = [d] },
            new ProgrammeActuals { IndicatorSet = SetId, Budget = new BudgetActuals { Available = 100m, Spent = 100m }, Indicators = [a] });

    private static IEnumerable<Diagnostic> Errors(EvaluationResult r) => r.Findings.Where(f => f.Severity == DiagnosticSeverity.Error);

    [Fact]
    public void A_range_target_met_in_words_with_a_grade_is_judged_by_the_grade()
    {
        var r = Evaluate(Indicator("age", "18—54周岁"), new IndicatorActual { Id = "age", Actual = ActualValue.Parse("均在18-54周岁之间"), Grade = QualitativeGrade.Achieved });
        var i = r.Indicators.Single();

        i.Target.Comparison.Should().Be(Comparison.Range);
        i.Status.Should().Be(IndicatorStatus.Met);
        i.Grade.Should().Be(QualitativeGrade.Achieved);
        i.GradeInferred.Should().BeFalse();
        i.Score.Should().Be(10m, "an achieved grade without a score scores the policy's default share of the weight, all of it under mof-2020");
        i.CompletionRate.Should().BeNull("words give no ratio");
        i.Actual!.Text.Should().Be("均在18-54周岁之间");
        Errors(r).Should().BeEmpty();
    }

    [Theory]
    [InlineData("8", QualitativeGrade.Achieved, IndicatorStatus.Met)]           // [0.8 W, W] = [8, 10]
    [InlineData("7", QualitativeGrade.Partial, IndicatorStatus.PartiallyMet)]   // [0.6 W, 0.8 W) = [6, 8)
    [InlineData("5.5", QualitativeGrade.NotAchieved, IndicatorStatus.NotMet)]   // [0, 0.6 W) = [0, 6)
    public void A_numeric_target_met_in_words_with_only_a_score_takes_the_grade_of_the_band_the_score_lies_in(string score, QualitativeGrade grade, IndicatorStatus status)
    {
        var stated = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture);
        var r = Evaluate(Indicator("ok", "≥2300人"), new IndicatorActual { Id = "ok", Actual = ActualValue.Parse("均符合要求"), Score = stated });
        var i = r.Indicators.Single();

        i.Grade.Should().Be(grade);
        i.GradeInferred.Should().BeTrue("the grade was read from the score, not given");
        i.Status.Should().Be(status);
        i.Score.Should().Be(stated);
        Errors(r).Should().BeEmpty();
    }

    [Fact]
    public void A_grade_and_a_score_outside_its_band_keep_the_grade_and_use_the_bands_default()
    {
        // Partial, weight 10: the band is [6, 8); 9 lies outside it, so the partial default 0.6 W = 6 is used.
        var r = Evaluate(Indicator("ok", "≥2300人"), new IndicatorActual { Id = "ok", Actual = ActualValue.Parse("基本完成"), Grade = QualitativeGrade.Partial, Score = 9m });

        r.Indicators.Single().Should().Match<IndicatorResult>(i => i.Status == IndicatorStatus.PartiallyMet && i.Score == 6m);
        r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ScoreOutOfBand);
    }

    [Fact]
    public void A_not_done_word_graded_not_achieved_scores_nothing_and_must_be_explained()
    {
        var r = Evaluate(Indicator("ok", "≥95%", Level2.Quality), new IndicatorActual { Id = "ok", Actual = ActualValue.Parse("未完成"), Grade = QualitativeGrade.NotAchieved });
        var i = r.Indicators.Single();

        i.Status.Should().Be(IndicatorStatus.NotMet);
        i.Score.Should().Be(0m);
        i.Deviation.ExplanationRequired.Should().BeTrue("it lost its points");
    }

    [Fact]
    public void An_actual_in_words_without_a_grade_or_score_is_an_error_that_names_what_to_add()
    {
        var r = Evaluate(Indicator("age", "18—54周岁"), new IndicatorActual { Id = "age", Actual = ActualValue.Parse("均在18-54周岁之间") });
        var i = r.Indicators.Single();

        var d = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.WordsNeedGrade).Subject;
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators.age.actual");
        d.Arguments["actual"].Should().Be("均在18-54周岁之间");
        MessageCatalog.Default.Render(d, System.Globalization.CultureInfo.GetCultureInfo("en")).Should().Contain("grade").And.Contain("score");
        MessageCatalog.Default.Render(d, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).Should().Contain("评价等级").And.Contain("得分");
        i.Status.Should().Be(IndicatorStatus.Missing);
        i.Score.Should().Be(0m);
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ActualNotComparable);
    }

    [Fact]
    public void A_number_with_a_grade_is_still_scored_as_a_number()
    {
        var r = Evaluate(Indicator("n", "≥2300人"), new IndicatorActual { Id = "n", Actual = ActualValue.Parse("2070"), Grade = QualitativeGrade.Achieved });

        r.Indicators.Single().Should().Match<IndicatorResult>(i => i.Score == 9m && i.CompletionRate == 90m && i.Grade == null);
    }

    [Fact]
    public void Every_writer_shows_the_words_of_an_actual_judged_by_its_grade()
    {
        const string words = "均在18-54周岁之间";
        var r = Evaluate(Indicator("age", "18—54周岁"), new IndicatorActual { Id = "age", Actual = ActualValue.Parse(words), Grade = QualitativeGrade.Achieved });
        var table = SelfEvaluationTable.From(r);

        table.Indicators.Single().Actual.Should().Be(words);
        TableWriters.ToMarkdown(table).Should().Contain(words);
        TableWriters.ToCsv(table).Should().Contain(words);
        TableWriters.ToHtml(table).Should().Contain(words);
        ReportDraft.ToChinese(r).Should().Contain("实际达到" + words);
        var json = JsonDocument.Parse(ResultJson.ToJson(r)).RootElement.GetProperty("indicators")[0];
        json.GetProperty("actual").GetString().Should().Be(words);
        json.GetProperty("grade").GetString().Should().Be("achieved");
        json.GetProperty("status").GetString().Should().Be("met");
    }

    [Fact]
    public void An_unmet_indicator_judged_in_words_is_explained_by_what_it_reached_not_by_a_blank_completion_rate()
    {
        const string words = "部分人员年龄超出18-54周岁";
        var r = Evaluate(Indicator("age", "18—54周岁", name: "指标age"), new IndicatorActual { Id = "age", Actual = ActualValue.Parse(words), Grade = QualitativeGrade.Partial, Reason = "个别人员信息登记有误" });

        r.Indicators.Single().Should().Match<IndicatorResult>(i => i.Status == IndicatorStatus.PartiallyMet && i.CompletionRate == null);
        var draft = ReportDraft.ToChinese(r);
        draft.Should().Contain("1. 指标age：实际为" + words + "，个别人员信息登记有误。");
        draft.Should().NotContain("完成率—");
    }

    [Fact]
    public void Actuals_in_words_are_read_from_json_with_their_grade_or_score()
    {
        var set = PerfEvalJson.ReadIndicatorSet("""
            { "id": "w", "name": "文字", "year": 2025, "indicators": [
              { "id": "age", "name": "年龄", "level2": "quantity", "target": "18—54周岁", "weight": 20 },
              { "id": "std", "name": "标准", "level2": "quality", "target": "≥95%", "weight": 20 } ] }
            """, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""
            { "indicatorSet": "w", "budget": { "available": 1, "spent": 1 }, "indicators": {
              "age": { "actual": "均在18-54周岁之间", "grade": "达成" },
              "std": { "actual": "均符合要求", "score": 13 } } }
            """, "actuals.json").GetValueOrThrow();

        var r = new Evaluator().Evaluate(set, actuals);

        r.Indicators.Select(i => (i.Id, i.Status, i.Score)).Should().Equal(("age", IndicatorStatus.Met, 20m), ("std", IndicatorStatus.PartiallyMet, 13m));
        r.Findings.Should().NotContain(f => f.Path.StartsWith("$.indicators.", StringComparison.Ordinal) && f.Code != DiagnosticCodes.ExplanationMissing);
    }
}
