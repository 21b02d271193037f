using PerfEval.Diagnostics;

namespace PerfEval.Evaluation;

/// <summary>The deductions step: a deduction (扣分) given in the actuals is subtracted from the score, floor 0, where the policy allows it.</summary>
internal static class Deductions
{
    /// <summary>Applies an indicator's deduction to its score.</summary>
    /// <param name="context">The evaluation.</param>
    /// <param name="input">The indicator and its actual.</param>
    /// <param name="score">The score, lowered in place.</param>
    /// <returns>The deduction applied; null when there is none or the policy does not allow it.</returns>
    public static decimal? Apply(EvaluationContext context, in IndicatorInput input, ref decimal score)
    {
        if (input.Given?.Deduction is not { } deduction || deduction == 0)
        {
            return null;
        }

        if (!context.Policy.AllowDeductions)
        {
            var path = input.ActualsPath + ".deduction";
            context.Findings.Add(DiagnosticCodes.DeductionNotAllowed, DiagnosticSeverity.Warning, path, context.ActualsMap[path], ("policy", context.Policy.Name), ("deduction", deduction));
            return null;
        }

        score = Figures.Round(Math.Max(0m, score - deduction));
        return deduction;
    }
}
