using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Scoring;

namespace PerfEval.Evaluation;

/// <summary>
/// Checks of figures that cannot be, made once the budget and every indicator are scored: weights (or a total score)
/// above the policy's total points, and spending against an available budget of 0.
/// </summary>
internal static class TotalChecks
{
    /// <summary>Adds PE2023 and PE2024 where they apply.</summary>
    /// <param name="policy">The policy the set was evaluated under.</param>
    /// <param name="set">The indicator set (for the location of its indicators).</param>
    /// <param name="actuals">The actuals (for the location of the budget).</param>
    /// <param name="budget">The budget's figures.</param>
    /// <param name="totalWeight">The budget weight plus every indicator's weight.</param>
    /// <param name="totalScore">The total score.</param>
    /// <param name="findings">Where the findings go.</param>
    public static void Check(ScoringPolicy policy, IndicatorSet set, ProgrammeActuals actuals, BudgetResult budget, decimal totalWeight, decimal totalScore, DiagnosticBag findings)
    {
        // PE2009 (a warning) says that the weights are not the total; above it, the total score and the grade are not
        // trustworthy: 300 indicators weighted 100 would score 30,009 and grade 优.
        if (totalWeight > policy.TotalPoints || totalScore > policy.TotalPoints)
        {
            findings.Add(DiagnosticCodes.WeightsExceedTotal, DiagnosticSeverity.Error, "$.indicators", set.Locations["$.indicators"] ?? set.Locations["$"],
                ("sum", totalWeight), ("score", totalScore), ("policy", policy.Name), ("expected", policy.TotalPoints));
        }

        // B / A does not exist for A = 0; spending money that was never available is an error, not a missing rate.
        if (budget.Available == 0m && budget.Spent is > 0m)
        {
            var path = actuals.Locations["$.budget.available"] is not null ? "$.budget.available" : "$.budget";
            findings.Add(DiagnosticCodes.SpentWithoutBudget, DiagnosticSeverity.Error, path, actuals.Locations[path] ?? actuals.Locations["$"],
                ("spent", budget.Spent), ("available", budget.Available));
        }
    }
}
