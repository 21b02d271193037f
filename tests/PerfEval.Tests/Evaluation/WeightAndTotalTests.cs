using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.EvaluationFiles;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The weights step and the totals: which indicator a finding about a level's points names, a level whose points are
/// used up exactly, points of indicators that do not apply shared to the cent, and weights or a total above the policy's.
/// </summary>
public sealed class WeightAndTotalTests
{
    /// <summary>A set of output indicators (≥10 each), one a line; <paramref name="weights"/> gives each one's weight, or null for none.</summary>
    private static string Set(params decimal?[] weights) => $$"""
        {
          "id": "s",
          "name": "测试项目",
          "year": 2025,
          "indicators": [
            {{string.Join(",\n    ", weights.Select((w, i) =>
                $$"""{ "id": "i{{i}}", "name": "指标{{i}}", "level2": "quantity", "target": "≥10", "unit": "个"{{(w is { } v ? ", \"weight\": " + v.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}} }"""))}}
          ]
        }
        """;

    /// <summary>Every indicator met (10), those named in <paramref name="notApplicable"/> marked as not applicable.</summary>
    private static string Actuals(int count, params int[] notApplicable) => $$"""
        {
          "indicatorSet": "s",
          "budget": { "available": 100, "spent": 100 },
          "indicators": { {{string.Join(", ", Enumerable.Range(0, count).Select(i => notApplicable.Contains(i) ? $"\"i{i}\": {{ \"notApplicable\": true }}" : $"\"i{i}\": 10"))}} }
        }
        """;

    private static readonly ScoringPolicy NoOutput = ScoringPolicy.Mof2020 with
    {
        Name = "no-output", LevelPoints = ScoringPolicy.Mof2020.LevelPoints.Remove(Level1.Output), TotalPoints = 50m,
    };

    [Fact]
    public void A_level_without_points_is_reported_at_its_first_unweighted_indicator_and_fills_no_weight()
    {
        var set = Set(null, null, 5m);
        var r = Evaluate(set, Actuals(3), NoOutput);

        var finding = r.Single(DiagnosticCodes.NoLevelPoints);
        finding.Place().Should().Be(("$.indicators[0].weight", SetFile, LineOf(set, "\"i0\"")));
        r.Indicators.Select(i => (i.Weight, i.WeightFilled)).Should().Equal((0m, false), (0m, false), (5m, false));
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.LevelPointsExceeded);
    }

    [Fact]
    public void Points_exceeded_are_reported_at_the_first_unweighted_indicator()
    {
        var set = Set(40m, null, 20m, null);
        var r = Evaluate(set, Actuals(4));

        var finding = r.Single(DiagnosticCodes.LevelPointsExceeded);
        finding.Place().Should().Be(("$.indicators[1].weight", SetFile, LineOf(set, "\"i1\"")));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["sum"] = "60", ["points"] = "50" });
        r.Indicators.Select(i => i.Weight).Should().Equal(40m, 0m, 20m, 0m);
    }

    [Fact]
    public void A_level_whose_points_the_weights_use_up_exactly_leaves_0_to_the_others_without_a_finding()
    {
        var r = Evaluate(Set(30m, 20m, null), Actuals(3));

        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.LevelPointsExceeded);
        r.Indicators.Select(i => (i.Weight, i.WeightFilled)).Should().Equal((30m, false), (20m, false), (0m, true));
    }

    [Fact]
    public void Points_of_an_indicator_that_does_not_apply_go_to_the_largest_remainders()
    {
        // 1 and 5 share the 1 point of the third: 1 × 7 / 6 = 1.1666… and 5 × 7 / 6 = 5.8333…; the cent left goes to the first.
        var set = Set(1m, 5m, 1m);
        var r = Evaluate(set, Actuals(3, notApplicable: 2));

        r.Indicators.Select(i => i.Weight).Should().Equal(1.17m, 5.83m, 0m);
        var finding = r.Single(DiagnosticCodes.WeightsRescaled);
        finding.Place().Should().Be(("$.indicators", SetFile, LineOf(set, "\"indicators\"")));
        finding.Arguments["dropped"].Should().Be("1");
    }

    [Fact]
    public void Points_of_an_indicator_that_does_not_apply_are_lost_when_every_other_weighs_nothing()
    {
        var r = Evaluate(Set(0m, 0m, 20m), Actuals(3, notApplicable: 2));

        r.Indicators.Select(i => i.Weight).Should().Equal(0m, 0m, 0m);
        r.TotalWeight.Should().Be(10m);
    }

    [Fact]
    public void Weights_that_do_not_add_up_point_at_the_sets_indicators()
    {
        var set = Set(20m, 20m);

        var finding = Evaluate(set, Actuals(2)).Single(DiagnosticCodes.WeightsDoNotAddUp);

        finding.Place().Should().Be(("$.indicators", SetFile, LineOf(set, "\"indicators\"")));
    }

    [Fact]
    public void Weights_above_the_policys_total_are_an_error_at_the_sets_indicators_even_when_the_score_is_not()
    {
        // 10 + 100 points of weight; nothing given, so 10 scored.
        var set = Set(100m);
        var r = Evaluate(set, """{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": {} }""");

        var finding = r.Single(DiagnosticCodes.WeightsExceedTotal);
        finding.Place().Should().Be(("$.indicators", SetFile, LineOf(set, "\"indicators\"")));
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["sum"] = "110", ["score"] = "10", ["policy"] = "mof-2020", ["expected"] = "100" });
    }

    [Fact]
    public void Full_marks_are_not_above_the_total()
    {
        var r = Evaluate(Set(50m, 40m), Actuals(2));

        r.TotalScore.Should().Be(100m);
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.WeightsExceedTotal);
    }

    [Fact]
    public void A_set_without_indicators_is_not_told_that_its_weights_do_not_add_up()
    {
        var r = Evaluate(Set(), Actuals(0));

        r.TotalWeight.Should().Be(10m);
        r.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.WeightsDoNotAddUp);
    }
}
