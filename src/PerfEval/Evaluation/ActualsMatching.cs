using System.Buffers;
using PerfEval.Actuals;
using PerfEval.Diagnostics;

namespace PerfEval.Evaluation;

/// <summary>
/// The matching step: the actuals must be for this set and year, and each entry of the actuals is matched to the
/// indicator with its id; unknown and repeated ids are reported.
/// </summary>
internal static class ActualsMatching
{
    /// <summary>Reports actuals written for another set or another year.</summary>
    /// <param name="context">The evaluation.</param>
    public static void CheckProgramme(EvaluationContext context)
    {
        var (set, actuals) = (context.Set, context.Actuals);
        if (!string.Equals(set.Id, actuals.IndicatorSet, StringComparison.Ordinal))
        {
            context.Findings.Add(DiagnosticCodes.IndicatorSetMismatch, DiagnosticSeverity.Error, "$.indicatorSet", actuals.Locations["$.indicatorSet"],
                ("actual", actuals.IndicatorSet), ("expected", set.Id));
        }

        if (actuals.Year is { } year && year != set.Year)
        {
            context.Findings.Add(DiagnosticCodes.YearMismatch, DiagnosticSeverity.Error, "$.year", actuals.Locations["$.year"],
                ("actual", year), ("set", set.Id), ("expected", set.Year));
        }
    }

    /// <summary>
    /// The entry of the actuals for each indicator, by the indicator's position; null where there is none. The array is
    /// rented (it may be longer than the set); give it back with <see cref="Return"/> when the evaluation is done.
    /// </summary>
    /// <param name="context">The evaluation.</param>
    /// <returns>The entries by position.</returns>
    public static IndicatorActual?[] Match(EvaluationContext context)
    {
        var byPosition = ArrayPool<IndicatorActual?>.Shared.Rent(context.Set.Indicators.Length);
        Array.Clear(byPosition);
        var unknown = 0;
        foreach (var a in context.Actuals.Indicators.IsDefault ? [] : context.Actuals.Indicators)
        {
            if (context.Plan.TryGetPosition(a.Id, out var i))
            {
                if (byPosition[i] is not null)
                {
                    var repeated = Loading.JsonTree.IndicatorPath(a.Id);
                    context.Findings.Add(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, repeated, context.ActualsMap[repeated], ("id", a.Id));
                    continue;
                }

                byPosition[i] = a;
                continue;
            }

            var path = Loading.JsonTree.IndicatorPath(a.Id);

            // Suggestions for the first unknown ids only: each compares with every indicator id.
            var suggestion = ++unknown <= 100 ? MessageText.DidYouMean(Loading.ObjectReader.Closest(a.Id, context.Plan.Ids)) : null;
            context.Findings.Add(DiagnosticCodes.UnknownIndicator, DiagnosticSeverity.Error, path, context.ActualsMap[path],
                ("set", context.Set.Id), ("id", a.Id), ("suggestion", suggestion));
        }

        return byPosition;
    }

    /// <summary>Gives back an array from <see cref="Match"/>, cleared so that it holds no actuals.</summary>
    /// <param name="byPosition">The array.</param>
    public static void Return(IndicatorActual?[] byPosition) => ArrayPool<IndicatorActual?>.Shared.Return(byPosition, clearArray: true);
}
