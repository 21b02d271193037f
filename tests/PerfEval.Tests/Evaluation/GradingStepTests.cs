using System.Globalization;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The qualitative step and the steps around it: a grade read from the preparer's score at the edges of the bands,
/// where the findings point when a grade is missing, what they say, deductions, and an indicator without an actual.
/// </summary>
public sealed class GradingStepTests
{
    private const string Set = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "indicators": [
            { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "unit": "人", "weight": 10 },
            { "id": "q", "name": "服务质量", "level2": "social", "target": "明显提升", "weight": 30 } ] }
        """;

    private static EvaluationResult Evaluate(string indicators, ScoringPolicy? policy = null)
    {
        var s = PerfEvalJson.ReadIndicatorSet(Set, "indicators.json").GetValueOrThrow();
        var a = PerfEvalJson.ReadActuals($$"""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": {{indicators}} }""", "actuals.json").GetValueOrThrow();
        return new Evaluator(new PerfEvalOptions { Policy = policy ?? ScoringPolicy.Mof2020, Culture = CultureInfo.GetCultureInfo("en") }).Evaluate(s, a);
    }

    private static IndicatorResult Q(EvaluationResult r) => r.Indicators.Single(i => i.Id == "q");

    [Theory]
    [InlineData("30", "Met", "Achieved", "30")]
    [InlineData("24", "Met", "Achieved", "24")]
    [InlineData("23.99", "PartiallyMet", "Partial", "23.99")]
    [InlineData("18", "PartiallyMet", "Partial", "18")]
    [InlineData("17.99", "NotMet", "NotAchieved", "17.99")]
    [InlineData("0", "NotMet", "NotAchieved", "0")]
    public void A_preparers_score_without_a_grade_gives_the_grade_whose_band_holds_it(string score, string status, string grade, string used)
    {
        // Weight 30: achieved [24, 30], partial [18, 24), not achieved [0, 18).
        var q = Q(Evaluate($$"""{ "n": 100, "q": { "actual": "有所变化", "score": {{score}} } }"""));

        q.Status.Should().Be(Enum.Parse<IndicatorStatus>(status));
        q.Grade.Should().Be(Enum.Parse<QualitativeGrade>(grade));
        q.GradeInferred.Should().BeTrue();
        q.Score.Should().Be(decimal.Parse(used, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_preparers_score_above_the_weight_is_in_the_top_band_and_replaced_by_its_default()
    {
        var r = Evaluate("""{ "n": 100, "q": { "actual": "有所变化", "score": 31 } }""");

        Q(r).Should().Match<IndicatorResult>(q => q.Grade == QualitativeGrade.Achieved && q.Score == 30m);
        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.ScoreOutOfBand).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators.q.score", DiagnosticSeverity.Error));
        // The band's bounds are written as the audit's PE4005 writes them: 24, not 24.0 or 24.00.
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["score"] = "31", ["low"] = "24", ["high"] = "30", ["grade"] = "achieved", ["used"] = "30" });
    }

    [Fact]
    public void A_given_grade_is_not_marked_as_inferred()
    {
        Q(Evaluate("""{ "n": 100, "q": { "actual": "有所变化", "grade": "partial" } }""")).Should().Match<IndicatorResult>(q =>
            q.Grade == QualitativeGrade.Partial && !q.GradeInferred && q.Score == 18m && q.Status == IndicatorStatus.PartiallyMet);
    }

    [Fact]
    public void A_qualitative_actual_without_a_grade_asks_for_one_at_the_actual_or_at_its_grade()
    {
        var bare = Evaluate("""{ "n": 100, "q": "有所变化" }""");
        var written = Evaluate("""{ "n": 100, "q": { "actual": "有所变化", "reason": "…" } }""");

        var finding = bare.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.GradeRequired).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators.q", DiagnosticSeverity.Warning));
        finding.Location.Should().NotBeNull();
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["id"] = "q", ["actual"] = "有所变化", ["target"] = "明显提升" });
        written.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.GradeRequired).Which.Path.Should().Be("$.indicators.q.grade");
        Q(bare).Should().Match<IndicatorResult>(q => q.Status == IndicatorStatus.Missing && q.Score == 0m && q.Grade == null);
    }

    [Theory]
    [InlineData("\"已完成\"", "Achieved")]
    [InlineData("\"未完成\"", "NotAchieved")]
    [InlineData("\"明显 提升。\"", "Achieved")]
    public void A_qualitative_actual_that_says_done_or_repeats_the_target_is_graded_without_a_grade(string actual, string grade)
    {
        var q = Q(Evaluate($$"""{ "n": 100, "q": {{actual}} }"""));

        q.Grade.Should().Be(Enum.Parse<QualitativeGrade>(grade));
        q.GradeInferred.Should().BeTrue();
    }

    [Fact]
    public void A_numeric_actual_in_words_is_judged_by_the_preparers_score()
    {
        // Weight 10: 8 is the bottom of the achieved band.
        var r = Evaluate("""{ "n": { "actual": "全部完成", "score": 8 }, "q": "明显提升" }""");

        r.Indicators.Single(i => i.Id == "n").Should().Match<IndicatorResult>(n => n.Grade == QualitativeGrade.Achieved && n.GradeInferred && n.Score == 8m && n.CompletionRate == null);
        Evaluate("""{ "n": { "actual": "全部完成", "grade": "achieved" }, "q": "明显提升" }""").Indicators.Single(i => i.Id == "n").GradeInferred.Should().BeFalse();
    }

    [Fact]
    public void A_numeric_actual_in_words_without_a_grade_or_score_is_an_error_at_the_actual()
    {
        var r = Evaluate("""{ "n": "全部完成", "q": "明显提升" }""");

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.WordsNeedGrade).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators.n", DiagnosticSeverity.Error));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["id"] = "n", ["actual"] = "全部完成", ["target"] = "≥100" });
        r.Indicators.Single(i => i.Id == "n").Status.Should().Be(IndicatorStatus.Missing);
    }

    [Fact]
    public void A_deduction_the_policy_does_not_allow_is_ignored_with_a_warning_that_names_it()
    {
        var r = Evaluate("""{ "n": { "actual": 100, "deduction": 2 }, "q": "明显提升" }""", ScoringPolicy.Mof2020 with { Name = "strict", AllowDeductions = false });

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.DeductionNotAllowed).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators.n.deduction", DiagnosticSeverity.Warning));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["policy"] = "strict", ["deduction"] = "2" });
        r.Indicators.Single(i => i.Id == "n").Should().Match<IndicatorResult>(n => n.Score == 10m && n.Deduction == null);
    }

    [Fact]
    public void A_deduction_of_0_is_no_deduction()
    {
        var r = Evaluate("""{ "n": { "actual": 100, "deduction": 0 }, "q": "明显提升" }""", ScoringPolicy.Mof2020 with { Name = "strict", AllowDeductions = false });

        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.DeductionNotAllowed);
        r.Indicators.Single(i => i.Id == "n").Deduction.Should().BeNull();
    }

    [Fact]
    public void An_indicator_without_an_actual_is_reported_where_it_stands()
    {
        var absent = Evaluate("""{ "q": "明显提升" }""");
        var empty = Evaluate("""{ "n": { "reason": "未统计" }, "q": "明显提升" }""");

        var finding = absent.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.MissingActual).Subject;
        (finding.Path, finding.Severity).Should().Be(("$.indicators[0]", DiagnosticSeverity.Warning));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["id"] = "n", ["name"] = "培训人数" });
        empty.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.MissingActual).Which.Path.Should().Be("$.indicators.n");
        absent.Indicators.Single(i => i.Id == "n").Should().Match<IndicatorResult>(n => n.Status == IndicatorStatus.Missing && n.Score == 0m && n.Actual == null);
    }
}
