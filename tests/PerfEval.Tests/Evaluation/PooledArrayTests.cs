using System.Buffers;
using System.Globalization;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The evaluation rents its arrays of actuals by position and of weights from the shared pools. A pool hands a thread
/// back the array it was last given, as it was left: an evaluation must neither read what an earlier one (or anyone)
/// left in it, nor leave actuals in it for the next. Each test runs on one thread, so the pool's answer is deterministic.
/// </summary>
public sealed class PooledArrayTests
{
    private static readonly Evaluator Evaluator = new(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") });

    /// <summary>A set of <paramref name="count"/> output indicators; the first ones weighted as <paramref name="weights"/> says, the others not.</summary>
    private static IndicatorSet Set(string id, int count, params decimal[] weights)
    {
        var indicators = Enumerable.Range(0, count).Select(i =>
            $$"""{ "id": "i{{i}}", "name": "指标{{i}}", "level2": "quantity", "target": "≥10", "unit": "个"{{(i < weights.Length ? ", \"weight\": " + weights[i].ToString(CultureInfo.InvariantCulture) : string.Empty)}} }""");
        return PerfEvalJson.ReadIndicatorSet($$"""{ "id": "{{id}}", "name": "测试项目", "year": 2025, "indicators": [ {{string.Join(", ", indicators)}} ] }""")
            .GetValueOrThrow();
    }

    private static ProgrammeActuals Actuals(string set, string indicators) =>
        PerfEvalJson.ReadActuals($$"""{ "indicatorSet": "{{set}}", "budget": { "available": 100, "spent": 100 }, "indicators": {{indicators}} }""").GetValueOrThrow();

    [Fact]
    public void An_evaluation_ignores_actuals_left_in_the_array_the_pool_hands_it()
    {
        var set = Set("small", 2, 25m, 25m);
        var actuals = Actuals("small", """{ "i0": 10 }""");
        var stale = ArrayPool<IndicatorActual?>.Shared.Rent(set.Indicators.Length);
        Array.Fill(stale, new IndicatorActual { Id = "i1", Actual = ActualValue.FromNumber(10m) });
        ArrayPool<IndicatorActual?>.Shared.Return(stale);

        var r = Evaluator.Evaluate(set, actuals);

        r.Indicators.Select(i => (i.Id, i.Status, i.Score)).Should().Equal(("i0", IndicatorStatus.Met, 25m), ("i1", IndicatorStatus.Missing, 0m));
    }

    [Fact]
    public void An_evaluation_gives_back_its_array_of_actuals_holding_none()
    {
        var set = Set("small", 3, 25m, 15m, 10m);
        Evaluator.Evaluate(set, Actuals("small", """{ "i0": 10, "i1": 10, "i2": 10 }""")).Indicators.Should().OnlyContain(i => i.Status == IndicatorStatus.Met);

        var next = ArrayPool<IndicatorActual?>.Shared.Rent(set.Indicators.Length);
        try
        {
            next.Should().OnlyContain(a => a == null);
        }
        finally
        {
            ArrayPool<IndicatorActual?>.Shared.Return(next);
        }
    }

    [Fact]
    public void A_small_set_evaluated_after_a_bigger_one_on_the_same_thread_keeps_none_of_its_weights()
    {
        // The big set weighs its second indicator 20. In the small one the second indicator does not apply: its 20 points
        // go to the first (rescaled from 30 to 50), which must not count a weight left at the second's position.
        var big = Set("big", 10, 30m, 20m, 5m, 5m, 5m, 5m, 5m, 5m, 5m, 5m);
        var small = Set("small", 2, 30m, 20m);
        Evaluator.Evaluate(big, Actuals("big", "{}")).Indicators.Select(i => i.Weight).Should().StartWith([30m, 20m]);

        var r = Evaluator.Evaluate(small, Actuals("small", """{ "i0": 10, "i1": { "notApplicable": true } }"""));

        r.Indicators.Select(i => (i.Id, i.Weight, i.Score)).Should().Equal(("i0", 50m, 50m), ("i1", 0m, 0m));
    }

    [Fact]
    public void An_indicator_whose_level_has_no_points_gets_no_weight_left_by_an_earlier_evaluation()
    {
        // The first set weighs its indicators 30 and 20; the second leaves them unweighted under a policy without output points.
        var weighted = Set("weighted", 2, 30m, 20m);
        var unweighted = Set("unweighted", 2);
        var noOutput = new Evaluator(new PerfEvalOptions
        {
            Culture = CultureInfo.GetCultureInfo("en"),
            Policy = PerfEval.Scoring.ScoringPolicy.Mof2020 with { Name = "no-output", LevelPoints = PerfEval.Scoring.ScoringPolicy.Mof2020.LevelPoints.Remove(Level1.Output), TotalPoints = 50m },
        });
        noOutput.Evaluate(weighted, Actuals("weighted", """{ "i0": 10, "i1": 10 }""")).Indicators.Select(i => i.Weight).Should().Equal(30m, 20m);

        var r = noOutput.Evaluate(unweighted, Actuals("unweighted", """{ "i0": 10, "i1": 10 }"""));

        r.Indicators.Select(i => i.Weight).Should().Equal(0m, 0m);
        r.Findings.Should().Contain(f => f.Code == PerfEval.Diagnostics.DiagnosticCodes.NoLevelPoints);
    }

    [Fact]
    public void An_evaluation_gives_its_arrays_back_to_the_pool()
    {
        // The pool keeps the last array a thread gave back for that thread: what the evaluation rents, it must give back.
        var set = Set("small", 2, 25m, 25m);
        var actuals = Actuals("small", """{ "i0": 10, "i1": 10 }""");
        var byPosition = ArrayPool<IndicatorActual?>.Shared.Rent(set.Indicators.Length);
        var weights = ArrayPool<(decimal Weight, bool Filled)>.Shared.Rent(set.Indicators.Length);
        ArrayPool<IndicatorActual?>.Shared.Return(byPosition);
        ArrayPool<(decimal Weight, bool Filled)>.Shared.Return(weights);

        Evaluator.Evaluate(set, actuals).TotalScore.Should().Be(60m);

        var byPositionAfter = ArrayPool<IndicatorActual?>.Shared.Rent(set.Indicators.Length);
        var weightsAfter = ArrayPool<(decimal Weight, bool Filled)>.Shared.Rent(set.Indicators.Length);
        ArrayPool<IndicatorActual?>.Shared.Return(byPositionAfter);
        ArrayPool<(decimal Weight, bool Filled)>.Shared.Return(weightsAfter);
        byPositionAfter.Should().BeSameAs(byPosition);
        weightsAfter.Should().BeSameAs(weights);
    }
}
