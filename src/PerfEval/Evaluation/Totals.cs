using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.Evaluation;

/// <summary>The totals step: the weights of the budget and the indicators must add up to the policy's total points.</summary>
internal static class Totals
{
    /// <summary>The sum of the weights, reported when it is not the policy's total.</summary>
    /// <param name="context">The evaluation.</param>
    /// <param name="budget">The budget's result.</param>
    /// <param name="indicators">The indicators' results.</param>
    /// <returns>The sum of the weights.</returns>
    public static decimal CheckWeights(EvaluationContext context, BudgetResult budget, ImmutableArray<IndicatorResult> indicators)
    {
        var totalWeight = budget.Weight + indicators.Sum(i => i.Weight);
        if (totalWeight != context.Policy.TotalPoints && indicators.Length > 0)
        {
            context.Findings.Add(DiagnosticCodes.WeightsDoNotAddUp, DiagnosticSeverity.Warning, "$.indicators", context.SetMap["$.indicators"],
                ("sum", totalWeight), ("expected", context.Policy.TotalPoints));
        }

        return totalWeight;
    }
}
