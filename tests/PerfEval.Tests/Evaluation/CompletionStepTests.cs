using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.EvaluationFiles;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The completion step's edges: computed actuals next to stated ones, a completion rate beyond a decimal, the bounds of
/// a range, the satisfaction rules of a policy, actuals in words, a score at the top of its band, and the wording a
/// qualitative actual is compared with.
/// </summary>
public sealed class CompletionStepTests
{
    private const string Set = """
        {
          "id": "s",
          "name": "测试项目",
          "year": 2025,
          "indicators": [
            { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "unit": "人", "weight": 20, "compute": "first + second" },
            { "id": "age", "name": "年龄", "level2": "quality", "target": "18-54", "unit": "岁", "weight": 10 },
            { "id": "rate", "name": "合格率", "level2": "quality", "target": "≥90%", "weight": 10 },
            { "id": "tiny", "name": "误差", "level2": "timeliness", "target": "≥0.001", "weight": 10 },
            { "id": "q", "name": "服务质量", "level2": "social", "target": { "comparison": "qualitative", "description": "服务质量明显提升" }, "weight": 30 },
            { "id": "sat", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 }
          ]
        }
        """;

    private const string Others = """
        "age": 30,
            "rate": "95%",
            "tiny": 1,
            "q": { "actual": "服务质量明显提升" },
            "sat": "95%"
        """;

    private static string Actuals(string n = "100", string others = Others) => $$"""
        {
          "indicatorSet": "s",
          "budget": { "available": 100, "spent": 100 },
          "indicators": {
            "n": {{n}},
            {{others}}
          }
        }
        """;

    private static IndicatorResult Indicator(EvaluationResult r, string id) => r.Indicators.Single(i => i.Id == id);

    private static string With(string id, string actual) =>
        Others.Split('\n').Select(l => l.TrimStart().StartsWith($"\"{id}\":", StringComparison.Ordinal) ? $"\"{id}\": {actual}{(l.TrimEnd().EndsWith(',') ? "," : string.Empty)}" : l)
            .Aggregate((a, b) => a + "\n" + b);

    [Fact]
    public void A_stated_actual_of_a_computed_indicator_given_without_inputs_is_taken_as_stated()
    {
        var r = Evaluate(Set, Actuals("""{ "actual": 100 }"""));

        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExpressionFailed || f.Code == DiagnosticCodes.ComputedActualMismatch);
        Indicator(r, "n").Should().Match<IndicatorResult>(i => i.ActualNumber == 100m && i.Status == IndicatorStatus.Met);
    }

    [Fact]
    public void A_stated_actual_that_is_not_the_computed_one_keeps_its_text_and_counts_the_computed_number()
    {
        var r = Evaluate(Set, Actuals("""{ "actual": 100, "inputs": { "first": 60, "second": 50 } }"""));

        var finding = r.Single(DiagnosticCodes.ComputedActualMismatch);
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["stated"] = "100", ["computed"] = "110", ["expression"] = "first + second" });
        var n = Indicator(r, "n");
        (n.Actual!.Text, n.ActualNumber, n.CompletionRate).Should().Be(("100", 110m, 110m));
    }

    [Fact]
    public void A_computation_that_fails_with_a_stated_actual_scores_the_stated_actual()
    {
        var r = Evaluate(Set, Actuals("""{ "actual": 80, "inputs": { "first": 60 } }"""));

        var finding = r.Single(DiagnosticCodes.ExpressionFailed);
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["id"] = "n", ["expression"] = "first + second" });
        Indicator(r, "n").Should().Match<IndicatorResult>(i => i.ActualNumber == 80m && i.Score == 16m && i.Status == IndicatorStatus.PartiallyMet);
    }

    [Fact]
    public void A_computation_that_fails_without_a_stated_actual_leaves_the_indicator_without_one_and_says_so_once()
    {
        var r = Evaluate(Set, Actuals("""{ "inputs": { "first": 60 } }"""));

        r.Single(DiagnosticCodes.ExpressionFailed).Path.Should().Be("$.indicators.n.inputs");
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.MissingActual);
        Indicator(r, "n").Should().Match<IndicatorResult>(i => i.Actual == null && i.Status == IndicatorStatus.Missing && i.Score == 0m);
    }

    [Fact]
    public void A_completion_rate_beyond_the_range_of_a_decimal_is_an_error_and_the_indicator_keeps_its_actual_and_weight()
    {
        // 5 × 10^28 / 0.001 is beyond 7.9 × 10^28.
        var actuals = Actuals(others: With("tiny", "50000000000000000000000000000"));
        var r = Evaluate(Set, actuals);

        var finding = r.Single(DiagnosticCodes.FigureOutOfRange);
        (finding.Severity, finding.Path, finding.Location?.Line).Should().Be((DiagnosticSeverity.Error, "$.indicators.tiny", LineOf(actuals, "\"tiny\"")));
        finding.Arguments["figure"].Should().Be("indicator 'tiny': its completion rate and score");
        Indicator(r, "tiny").Should().Match<IndicatorResult>(i =>
            i.Status == IndicatorStatus.Missing && i.Score == 0m && i.Weight == 10m && i.Actual != null && i.ActualNumber == null && i.CompletionRate == null);
    }

    [Theory]
    [InlineData("18")]
    [InlineData("54")]
    [InlineData("30")]
    public void An_actual_on_a_bound_of_a_range_is_met_at_100_percent(string actual)
    {
        var age = Indicator(Evaluate(Set, Actuals(others: With("age", actual))), "age");

        (age.Status, age.CompletionRate, age.Score).Should().Be((IndicatorStatus.Met, 100m, 10m));
    }

    [Fact]
    public void The_satisfaction_rule_of_a_policy_scores_satisfaction_indicators_only()
    {
        // Under W × rate, satisfaction 95 % scores 9.5 of 10; a quality rate of 85 % against ≥ 90 % keeps the standard 85 / 90.
        var policy = ScoringPolicy.Mof2020 with { Name = "times-rate", Satisfaction = SatisfactionScoring.WeightTimesRate };

        var r = Evaluate(Set, Actuals(others: With("rate", "\"85%\"")), policy);

        Indicator(r, "sat").Score.Should().Be(9.5m);
        Indicator(r, "rate").Should().Match<IndicatorResult>(i => i.Score == 9.44m && i.Status == IndicatorStatus.PartiallyMet);
    }

    [Fact]
    public void The_satisfaction_rule_takes_a_plain_number_against_a_percentage_target_as_a_rate()
    {
        var policy = ScoringPolicy.Mof2020 with { Name = "times-rate", Satisfaction = SatisfactionScoring.WeightTimesRate };

        var sat = Indicator(Evaluate(Set, Actuals(others: With("sat", "95")), policy), "sat");

        (sat.Status, sat.Score).Should().Be((IndicatorStatus.Met, 9.5m));
    }

    [Theory]
    [InlineData("\"95%\"", "Met", "10")]
    [InlineData("\"90%\"", "Met", "10")]
    [InlineData("\"85%\"", "PartiallyMet", "9")]
    [InlineData("\"40%\"", "NotMet", "0")]
    public void Stepped_satisfaction_scores_full_points_from_the_full_rate_and_nothing_when_every_step_is_lost(string actual, string status, string score)
    {
        // Full at 90 %, 0.1 of the weight lost per 5 points below: 85 % loses one step, 40 % all ten.
        var policy = ScoringPolicy.Mof2020 with { Name = "stepped", Satisfaction = SatisfactionScoring.Stepped };

        var sat = Indicator(Evaluate(Set, Actuals(others: With("sat", actual)), policy), "sat");

        sat.Status.Should().Be(Enum.Parse<IndicatorStatus>(status));
        sat.Score.Should().Be(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Words_against_a_number_without_a_grade_point_at_the_actual()
    {
        var actuals = Actuals(others: With("age", """
            {
                  "actual": "均在规定年龄内"
                }
            """));

        var finding = Evaluate(Set, actuals).Single(DiagnosticCodes.WordsNeedGrade);

        finding.Place().Should().Be(("$.indicators.age.actual", ActualsFile, LineOf(actuals, "\"actual\": \"均在")));
    }

    [Fact]
    public void A_preparers_score_of_the_full_weight_is_in_the_achieved_band()
    {
        var r = Evaluate(Set, Actuals(others: With("q", """{ "actual": "有所变化", "score": 30 }""")));

        Indicator(r, "q").Should().Match<IndicatorResult>(q => q.Grade == QualitativeGrade.Achieved && q.Score == 30m);
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ScoreOutOfBand);
    }

    [Fact]
    public void A_qualitative_actual_that_repeats_the_targets_description_is_achieved()
    {
        var q = Indicator(Evaluate(Set, Actuals()), "q");

        q.Should().Match<IndicatorResult>(i => i.Grade == QualitativeGrade.Achieved && i.GradeInferred && i.Score == 30m);
    }
}
