using System.Globalization;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.EvaluationFiles;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// Indicators at the edges of the rules: the bounds of the warning for a fraction given for a percentage, the
/// over-achievement of an <c>= T</c> target, a deviation beyond the range of a decimal, and the limit on suggestions
/// for unknown indicators.
/// </summary>
public sealed class IndicatorBoundaryTests
{
    /// <summary>One indicator of the output level, weighted 50, with <paramref name="target"/>.</summary>
    private static string OneIndicator(string target) => $$"""
        {
          "id": "s",
          "name": "测试项目",
          "year": 2025,
          "indicators": [
            {
              "id": "n",
              "name": "合格率",
              "level2": "quality",
              "target": "{{target}}",
              "weight": 50
            }
          ]
        }
        """;

    private static string ActualsOf(string actual) => $$"""
        {
          "indicatorSet": "s",
          "budget": { "available": 100, "spent": 100 },
          "indicators": {
            "n": {{actual}}
          }
        }
        """;

    private static EvaluationResult EvaluateOne(string target, string actual, ScoringPolicy? policy = null) =>
        Evaluate(OneIndicator(target), ActualsOf(actual), policy);

    private static IndicatorResult N(EvaluationResult r) => r.Indicators.Single();

    // ---- a fraction for a percentage ---------------------------------------------------------------------------

    [Theory]
    [InlineData("≥90%", "0.5", true)]
    [InlineData("≥90%", "1", true)]
    [InlineData("≥90%", "0", false)]
    [InlineData("≥90%", "1.01", false)]
    [InlineData("≥90%", "\"0.5%\"", false)]
    [InlineData("≥1.5%", "0.5", true)]
    [InlineData("≥1%", "0.5", false)]
    [InlineData("≥0.8%", "0.5", false)]
    [InlineData("≥90", "0.5", false)]
    public void A_fraction_for_a_percentage_is_suspected_only_between_0_and_1_against_a_percentage_above_1(string target, string actual, bool warned)
    {
        var r = EvaluateOne(target, actual);

        r.Findings.Any(f => f.Code == DiagnosticCodes.ActualNotComparable && f.Severity == DiagnosticSeverity.Warning).Should().Be(warned);
    }

    [Fact]
    public void A_fraction_for_a_percentage_in_the_object_form_points_at_the_actual_and_is_still_scored()
    {
        var actuals = ActualsOf("""
            {
                  "actual": 0.95
                }
            """);
        var r = Evaluate(OneIndicator("≥90%"), actuals);

        var finding = r.Single(DiagnosticCodes.ActualNotComparable);
        finding.Place().Should().Be(("$.indicators.n.actual", ActualsFile, LineOf(actuals, "\"actual\"")));
        finding.Arguments["reason"].Should().NotBeEmpty();
        N(r).Should().Match<IndicatorResult>(i => i.ActualNumber == 0.95m && i.Status == IndicatorStatus.PartiallyMet);
    }

    // ---- = T ----------------------------------------------------------------------------------------------------

    [Fact]
    public void An_equal_target_exceeded_by_a_fifth_is_an_over_achievement_to_explain()
    {
        var r = EvaluateOne("＝100", "120");

        N(r).Should().Match<IndicatorResult>(i => i.Status == IndicatorStatus.Met && i.CompletionRate == 120m && i.Score == 50m);
        N(r).Deviation.Triggers.Should().Equal(ExplanationTrigger.OverAchievement);
        (N(r).Deviation.Direction, N(r).Deviation.Absolute, N(r).Deviation.Relative).Should().Be((DeviationDirection.Above, 20m, 20m));
    }

    [Fact]
    public void An_equal_target_missed_scores_its_share_like_a_lower_bound()
    {
        var n = N(EvaluateOne("＝100", "80"));

        n.Should().Match<IndicatorResult>(i => i.Status == IndicatorStatus.PartiallyMet && i.CompletionRate == 80m && i.Score == 40m);
        n.Deviation.Triggers.Should().Equal(ExplanationTrigger.PointsLost);
    }

    [Fact]
    public void An_equal_to_0_target_met_is_no_over_achievement_even_where_the_policy_reviews_from_100_percent()
    {
        var review100 = ScoringPolicy.Mof2020 with { Name = "review-100", OverAchievementReviewAt = 100m };

        var zero = N(EvaluateOne("＝0", "0", review100));
        var hundred = N(EvaluateOne("＝100", "100", review100));

        zero.Should().Match<IndicatorResult>(i => i.Status == IndicatorStatus.Met && i.CompletionRate == 100m);
        zero.Deviation.Triggers.Should().BeEmpty();
        hundred.Deviation.Triggers.Should().Equal(ExplanationTrigger.OverAchievement);
    }

    [Fact]
    public void A_ceiling_kept_well_below_is_no_over_achievement()
    {
        var n = N(EvaluateOne("≤10", "5"));

        (n.Status, n.CompletionRate).Should().Be((IndicatorStatus.Met, 200m));
        n.Deviation.Triggers.Should().BeEmpty();
    }

    // ---- a deviation beyond a decimal --------------------------------------------------------------------------

    [Fact]
    public void A_relative_deviation_beyond_the_range_of_a_decimal_is_a_warning_and_the_points_lost_still_count()
    {
        // 5 × 10^28 against ≤ 0.5: the completion rate is 0.5 / X, but (X − 0.5) / 0.5 is beyond 7.9 × 10^28.
        var actuals = ActualsOf("""
            {
                  "actual": 50000000000000000000000000000
                }
            """);
        var r = Evaluate(OneIndicator("≤0.5"), actuals);

        var finding = r.Findings.Should().ContainSingle(f => f.Code == DiagnosticCodes.FigureOutOfRange).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Warning);
        finding.Place().Should().Be(("$.indicators.n", ActualsFile, LineOf(actuals, "\"n\"")));
        finding.Arguments["figure"].Should().Be("indicator 'n': its deviation");
        var n = N(r);
        (n.Status, n.Score).Should().Be((IndicatorStatus.NotMet, 0m));
        (n.Deviation.Absolute, n.Deviation.Relative).Should().Be(((decimal?)null, (decimal?)null));
        n.Deviation.Triggers.Should().Equal(ExplanationTrigger.PointsLost);
        r.Findings.Should().Contain(f => f.Code == DiagnosticCodes.ExplanationMissing && f.Path == "$.indicators.n");
    }

    // ---- unknown and repeated indicators ----------------------------------------------------------------------------------------

    [Fact]
    public void Only_the_first_100_unknown_indicators_get_a_suggestion()
    {
        // Each unknown id is two letters away from "n1234567": close enough to suggest it.
        var ids = Enumerable.Range(0, 100).Select(i => "n1234567" + i.ToString("00", CultureInfo.InvariantCulture)).Append("n1234567xy").ToList();
        var set = OneIndicator("≥90%").Replace("\"id\": \"n\"", "\"id\": \"n1234567\"", StringComparison.Ordinal);
        var actuals = $$"""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": { {{string.Join(", ", ids.Select(id => $"\"{id}\": 1"))}} } }""";

        var unknown = Evaluate(set, actuals).Findings.Where(f => f.Code == DiagnosticCodes.UnknownIndicator).ToList();

        unknown.Select(f => f.Path).Should().Equal(ids.Select(id => "$.indicators." + id));
        unknown.Take(100).Should().OnlyContain(f => f.Message.EndsWith("Did you mean 'n1234567'?", StringComparison.Ordinal));
        unknown[100].Message.Should().Be("The indicator set 's' has no indicator 'n1234567xy'.");
    }

    [Fact]
    public void An_indicator_given_twice_in_actuals_built_in_code_is_an_error_and_the_first_counts()
    {
        // A file cannot repeat an id (the reader reports PE1007 first); actuals built in code can.
        var set = PerfEvalJson.ReadIndicatorSet(OneIndicator("≥90"), SetFile).GetValueOrThrow();
        var actuals = new ProgrammeActuals
        {
            IndicatorSet = "s",
            Budget = new BudgetActuals { Available = 100m, Spent = 100m },
            Indicators =
            [
                new IndicatorActual { Id = "n", Actual = ActualValue.FromNumber(90m) },
                new IndicatorActual { Id = "n", Actual = ActualValue.FromNumber(45m) },
            ],
        };

        var r = new Evaluator(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") }).Evaluate(set, actuals);

        var finding = r.Single(DiagnosticCodes.DuplicateId);
        (finding.Path, finding.Severity, finding.Arguments["id"]).Should().Be(("$.indicators.n", DiagnosticSeverity.Error, "n"));
        (N(r).ActualNumber, N(r).Status).Should().Be((90m, IndicatorStatus.Met));
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.UnknownIndicator);
    }
}
