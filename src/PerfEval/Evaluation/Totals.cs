using System.Collections.Immutable;
using PerfEval.Diagnostics;

namespace PerfEval.Evaluation;

/// <summary>
/// The totals step: the weights of the budget and the indicators must add up to the policy's total points, and
/// neither they nor the total score may go above it.
/// </summary>
internal static class Totals
{
    /// <summary>The sum of the weights, reported (PE2009, a warning) when it is not the policy's total.</summary>
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

    /// <summary>
    /// Reports (PE2023, an error) weights or a total score above the policy's total points: past it the total and the
    /// grade mean nothing (300 indicators weighted 100 would score 30,009 and grade 优).
    /// </summary>
    /// <param name="context">The evaluation.</param>
    /// <param name="totalWeight">The sum of the weights.</param>
    /// <param name="totalScore">The total score.</param>
    public static void CheckTotal(EvaluationContext context, decimal totalWeight, decimal totalScore)
    {
        var policy = context.Policy;
        if (totalWeight > policy.TotalPoints || totalScore > policy.TotalPoints)
        {
            context.Findings.Add(DiagnosticCodes.WeightsExceedTotal, DiagnosticSeverity.Error, "$.indicators", context.SetMap["$.indicators"] ?? context.SetMap["$"],
                ("sum", totalWeight), ("score", totalScore), ("policy", policy.Name), ("expected", policy.TotalPoints));
        }
    }
}
