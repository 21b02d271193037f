using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Preparation;

namespace PerfEval.Evaluation;

/// <summary>
/// One evaluation of a plan against a year's actuals, as a sequence of named steps: the programme's identity,
/// the budget, matching the actuals to the indicators, each indicator (weights, completion, qualitative grades,
/// deductions), the weights' total, the deviations and the rules, then the total score and the grade.
/// </summary>
internal static class EvaluationRun
{
    /// <summary>Evaluates a plan against actuals.</summary>
    /// <param name="plan">The set's plan.</param>
    /// <param name="actuals">The year's actuals.</param>
    /// <param name="findings">Where the findings go, with the catalogue and culture their messages are written in.</param>
    /// <returns>The result.</returns>
    public static EvaluationResult Evaluate(EvaluationPlan plan, ProgrammeActuals actuals, DiagnosticBag findings)
    {
        // Found before this evaluation (reading the files, preparing the plan, perhaps in another culture): written again in this one's.
        findings.AddRendered(plan.Findings);
        findings.AddRendered(actuals.ReadWarnings.IsDefault ? [] : actuals.ReadWarnings);
        var context = new EvaluationContext(plan, actuals, findings);

        ActualsMatching.CheckProgramme(context);
        var budget = BudgetEvaluation.Evaluate(context);
        var byPosition = ActualsMatching.Match(context);
        ImmutableArray<IndicatorResult> indicators;
        try
        {
            indicators = IndicatorEvaluation.EvaluateAll(context, byPosition);
            budget = new DeviationAnalyzer(context).Analyze(budget, indicators, byPosition);
        }
        finally
        {
            ActualsMatching.Return(byPosition);
        }

        var totalWeight = Totals.CheckWeights(context, budget, indicators);

        var set = plan.Set;
        var policy = plan.Policy;
        var total = budget.Score + indicators.Sum(i => i.Score);
        Totals.CheckTotal(context, totalWeight, total);
        return new EvaluationResult
        {
            IndicatorSetId = set.Id,
            Name = set.Name,
            Year = set.Year,
            Department = set.Department,
            ImplementingUnit = set.ImplementingUnit,
            Goals = set.Goals.IsDefault ? [] : set.Goals,
            Policy = policy.Name,
            PolicyUsed = policy,
            Budget = budget,
            Indicators = indicators,
            TotalWeight = totalWeight,
            TotalScore = total,
            Grade = policy.GradeFor(total),
            Findings = findings.Count == 0 ? [] : [.. findings.ToImmutable().OrderByDescending(f => f.Severity)],
        };
    }
}
