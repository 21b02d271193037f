using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.IndicatorBuilder;
using static PerfEval.Tests.Evaluation.StepContext;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The weights step called by itself, with the figures of docs/scoring.md: explicit weights as written, a level's
/// remaining points split to the cent with the leftover cents to the first indicators (a), and the weight of an
/// indicator that does not apply either left to its level or shared among all the others (g).
/// </summary>
public sealed class WeightFillingTests
{
    /// <summary>The weights the step gives the set's indicators, every one given its actual, those at <paramref name="notApplicable"/> marked so.</summary>
    private static (decimal Weight, bool Filled)[] Fill(EvaluationContext context, params int[] notApplicable)
    {
        var indicators = context.Set.Indicators;
        var byPosition = indicators.Select((d, i) => notApplicable.Contains(i) ? new IndicatorActual { Id = d.Id, NotApplicable = true } : Given(d.Id, 1m)).ToArray();
        var weights = WeightFilling.Fill(context, byPosition);
        try
        {
            return weights[..indicators.Length];
        }
        finally
        {
            WeightFilling.Return(weights);
        }
    }

    private static IndicatorDefinition Output(int i, decimal? weight) => Indicator("o" + i, "≥10", Level2.Quantity, weight);

    /// <summary>The example of (g): 20 points that do not apply, 30 given, and the benefit's and satisfaction's points filled in.</summary>
    private static IndicatorSet NotApplicableExample() => Set(
        Output(0, 20m), Output(1, 30m), Indicator("b", "≥10", Level2.Social, weight: null), Indicator("c", "≥90%", Level2.Satisfaction, weight: null));

    [Fact]
    public void Fifty_points_over_28_indicators_give_the_16_leftover_cents_to_the_first_16()
    {
        // 5000 cents / 28 = 178 remainder 16: sixteen indicators get 1.79 and twelve 1.78 (scoring.md, (a)).
        var context = For(Set([.. Enumerable.Range(0, 28).Select(i => Output(i, null))]), ActualsWith());

        var weights = Fill(context);

        weights.Should().Equal([.. Enumerable.Repeat((1.79m, true), 16), .. Enumerable.Repeat((1.78m, true), 12)]);
        weights.Sum(w => w.Weight).Should().Be(50m);
        context.Found().Should().BeEmpty();
    }

    [Fact]
    public void An_explicit_weight_is_kept_and_the_levels_other_points_are_shared_by_the_indicators_without_one()
    {
        var context = For(Set(Output(0, 20m), Output(1, null), Output(2, null), Output(3, null)), ActualsWith());

        Fill(context).Should().Equal((20m, false), (10m, true), (10m, true), (10m, true));
    }

    [Fact]
    public void An_indicator_without_a_weight_that_does_not_apply_leaves_its_share_to_its_level()
    {
        var context = For(Set(Output(0, null), Output(1, null), Output(2, null)), ActualsWith());

        Fill(context, notApplicable: 0).Should().Equal((0m, false), (25m, true), (25m, true));
        context.Found().Should().BeEmpty();
    }

    [Fact]
    public void An_explicit_weight_that_does_not_apply_is_shared_among_all_the_others_in_proportion_to_the_cent()
    {
        // 20 dropped over 30 + 30 + 10: × 90 / 70 gives 38.571…, 38.571… and 12.857…; the one cent left goes to the largest remainder.
        var context = For(NotApplicableExample(), ActualsWith());

        var weights = Fill(context, notApplicable: 0);

        weights.Should().Equal((0m, false), (38.57m, false), (38.57m, true), (12.86m, true));
        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.WeightsRescaled, DiagnosticSeverity.Info, "$.indicators"));
        finding.Arguments["dropped"].Should().Be("20");
    }

    [Fact]
    public void An_explicit_weight_that_does_not_apply_is_dropped_where_the_policy_does_not_rescale()
    {
        var context = For(NotApplicableExample(), ActualsWith(), ScoringPolicy.Mof2020 with { Name = "no-rescale", RescaleNotApplicable = false });

        Fill(context, notApplicable: 0).Should().Equal((0m, false), (30m, false), (30m, true), (10m, true));
        context.Found().Should().BeEmpty();
    }

    [Fact]
    public void Explicit_weights_above_the_levels_points_leave_0_to_the_others_and_are_reported_at_the_first_of_them()
    {
        var context = For(Set(Output(0, 40m), Output(1, null), Output(2, 20m), Output(3, null)), ActualsWith());

        Fill(context).Should().Equal((40m, false), (0m, true), (20m, false), (0m, true));
        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.LevelPointsExceeded, DiagnosticSeverity.Error, "$.indicators[1].weight"));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["sum"] = "60", ["points"] = "50" });
    }

    [Fact]
    public void A_level_without_points_in_the_policy_fills_no_weight_and_says_so()
    {
        // mof-2020 gives level-1 cost no points.
        var context = For(Set(Output(0, 50m), Indicator("k", "≤10", Level2.EconomicCost, weight: null)), ActualsWith());

        Fill(context).Should().Equal((50m, false), (0m, false));
        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.NoLevelPoints, DiagnosticSeverity.Error, "$.indicators[1].weight"));
        finding.Arguments["policy"].Should().Be("mof-2020");
    }
}
