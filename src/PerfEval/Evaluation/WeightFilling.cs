using System.Buffers;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;

namespace PerfEval.Evaluation;

/// <summary>
/// The weights step: each indicator's own weight, or its level's remaining points split evenly to the cent
/// (largest remainder); the points of indicators that do not apply shared among the others where the policy says so.
/// </summary>
internal static class WeightFilling
{
    /// <summary>
    /// The weight of each indicator, by position, and whether it was filled in rather than given. The array is rented
    /// (it may be longer than the set); give it back with <see cref="Return"/>.
    /// </summary>
    /// <param name="context">The evaluation.</param>
    /// <param name="byPosition">The actuals' entry of each indicator.</param>
    /// <returns>The weights by position.</returns>
    public static (decimal Weight, bool Filled)[] Fill(EvaluationContext context, IndicatorActual?[] byPosition)
    {
        var definitions = context.Set.Indicators;
        var policy = context.Policy;
        var weights = ArrayPool<(decimal Weight, bool Filled)>.Shared.Rent(definitions.Length);
        Array.Clear(weights);
        var dropped = 0m;
        foreach (var level in (ReadOnlySpan<Level1>)[Level1.Output, Level1.Benefit, Level1.Satisfaction, Level1.Cost])
        {
            // One pass over the level: explicit weights, indicators waiting for a share, and weights that do not apply.
            var explicitSum = 0m;
            var missing = 0;
            var firstMissing = -1;
            var notApplicableWeight = 0m;
            for (var i = 0; i < definitions.Length; i++)
            {
                var d = definitions[i];
                if (d.Level1 != level)
                {
                    continue;
                }

                if (byPosition[i]?.NotApplicable == true)
                {
                    notApplicableWeight += d.Weight ?? 0m;
                }
                else if (d.Weight is { } w)
                {
                    explicitSum += w;
                    weights[i] = (w, false);
                }
                else
                {
                    missing++;
                    firstMissing = firstMissing < 0 ? i : firstMissing;
                }
            }

            if (missing == 0)
            {
                // Nobody in the level can take the points of its indicators that do not apply: rescale them below.
                dropped += notApplicableWeight;
                continue;
            }

            var levelName = IndicatorLevels.Text(level);
            var where = $"$.indicators[{firstMissing}]";
            if (!policy.LevelPoints.TryGetValue(level, out var points))
            {
                context.Findings.Add(DiagnosticCodes.NoLevelPoints, DiagnosticSeverity.Error, where + ".weight", context.SetMap[where], ("policy", policy.Name), ("level1", levelName));
                continue;
            }

            // The level's remaining points go to the indicators without a weight (so those that do not apply lose nothing).
            var remaining = points - explicitSum;
            if (remaining < 0)
            {
                context.Findings.Add(DiagnosticCodes.LevelPointsExceeded, DiagnosticSeverity.Error, where + ".weight", context.SetMap[where], ("level1", levelName), ("sum", explicitSum), ("points", points));
                remaining = 0;
            }

            var cents = (long)(Figures.Round(remaining) * 100m);
            var each = cents / missing;
            var extra = cents % missing;
            var k = 0;
            for (var i = 0; i < definitions.Length; i++)
            {
                if (definitions[i].Level1 == level && definitions[i].Weight is null && byPosition[i]?.NotApplicable != true)
                {
                    weights[i] = (new decimal((int)(each + (k++ < extra ? 1 : 0)), 0, 0, false, 2), true);
                }
            }
        }

        if (dropped > 0 && policy.RescaleNotApplicable)
        {
            Rescale(weights.AsSpan(0, definitions.Length), dropped);
            context.Findings.Add(DiagnosticCodes.WeightsRescaled, DiagnosticSeverity.Info, "$.indicators", context.SetMap["$.indicators"], ("dropped", dropped));
        }

        return weights;
    }

    /// <summary>Gives back an array from <see cref="Fill"/>.</summary>
    /// <param name="weights">The array.</param>
    public static void Return((decimal Weight, bool Filled)[] weights) => ArrayPool<(decimal Weight, bool Filled)>.Shared.Return(weights);

    /// <summary>Grows the weights in proportion so that they gain <paramref name="dropped"/> points in all, to the cent (largest remainder).</summary>
    /// <param name="weights">The weights, changed in place (only the set's own: a rented array may be longer).</param>
    /// <param name="dropped">The points to share.</param>
    public static void Rescale(Span<(decimal Weight, bool Filled)> weights, decimal dropped)
    {
        var sum = 0m;
        foreach (var w in weights)
        {
            sum += w.Weight;
        }

        if (sum <= 0)
        {
            return;
        }

        var targetCents = (long)(Figures.Round(sum + dropped) * 100m);
        var exact = new decimal[weights.Length];
        for (var i = 0; i < exact.Length; i++)
        {
            exact[i] = weights[i].Weight * (sum + dropped) / sum * 100m;
        }

        var cents = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var left = targetCents - cents.Sum();
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - cents[i]).ThenBy(i => i).Take((int)Math.Max(0, left)))
        {
            cents[i]++;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (cents[i] / 100m, weights[i].Filled);
        }
    }
}
