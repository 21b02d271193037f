using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PerfEval.Actuals;
using PerfEval.Diagnostics;

namespace PerfEval.Evaluation;

/// <summary>
/// The indicator step: for each indicator, its actual (given or computed), completion rate, status and score
/// under the policy, less any deduction, built into one result record. Paths and locations are looked up only
/// when a finding is made.
/// </summary>
internal static class IndicatorEvaluation
{
    /// <summary>Every indicator's result, in the set's order.</summary>
    /// <param name="context">The evaluation.</param>
    /// <param name="byPosition">The actuals' entry of each indicator.</param>
    /// <returns>The results.</returns>
    public static ImmutableArray<IndicatorResult> EvaluateAll(EvaluationContext context, IndicatorActual?[] byPosition)
    {
        var definitions = context.Set.Indicators;
        var weights = WeightFilling.Fill(context, byPosition);
        try
        {
            var results = new IndicatorResult[definitions.Length];
            for (var i = 0; i < definitions.Length; i++)
            {
                results[i] = Evaluate(context, new IndicatorInput(i, definitions[i], byPosition[i]), weights[i]);
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(results);
        }
        finally
        {
            WeightFilling.Return(weights);
        }
    }

    /// <summary>One indicator's result.</summary>
    /// <param name="context">The evaluation.</param>
    /// <param name="input">The indicator and its actual.</param>
    /// <param name="weight">Its weight, and whether it was filled in.</param>
    /// <returns>The result.</returns>
    public static IndicatorResult Evaluate(EvaluationContext context, in IndicatorInput input, (decimal Weight, bool Filled) weight)
    {
        var (d, given) = (input.Definition, input.Given);
        var s = new ScoredIndicator { Actual = given?.Actual, Status = IndicatorStatus.Missing, Weight = weight.Weight, Filled = weight.Filled };
        if (given?.NotApplicable == true)
        {
            if (given.Actual is not null)
            {
                var path = input.ActualsPath;
                context.Findings.Add(DiagnosticCodes.NotApplicableWithActual, DiagnosticSeverity.Warning, path, context.ActualsMap[path]);
            }

            s = new ScoredIndicator { Status = IndicatorStatus.NotApplicable };
        }
        else if (context.Plan.IsValid(input.Position))
        {
            try
            {
                Completion.Score(context, input, ref s);
                s.Deduction = Deductions.Apply(context, input, ref s.Score);
            }
            catch (OverflowException)
            {
                // An actual near decimal.MaxValue (or a ratio to a tiny target) has no figure: say so, score nothing.
                var (path, location) = context.IndicatorPlace(input.Position, d.Id, given is not null);
                context.Findings.Add(DiagnosticCodes.FigureOutOfRange, DiagnosticSeverity.Error, path, location,
                    ("figure", MessageText.Of("figure.indicatorRateAndScore", ("id", d.Id))));
                s = new ScoredIndicator { Actual = s.Actual, Status = IndicatorStatus.Missing, Weight = weight.Weight, Filled = weight.Filled };
            }
        }

        return new IndicatorResult
        {
            Id = d.Id,
            Name = d.Name,
            Program = d.Program,
            Level1 = d.Level1,
            Level2 = d.Level2,
            Target = d.Target,
            Unit = d.Unit,
            Actual = s.Actual,
            ActualNumber = s.Number,
            CompletionRate = s.Completion,
            Status = s.Status,
            Grade = s.Grade,
            GradeInferred = s.GradeInferred,
            Weight = s.Weight,
            WeightFilled = s.Filled,
            Score = s.Score,
            Deduction = s.Deduction,
            Reason = given?.Reason,
            Measures = given?.Measures,
        };
    }
}
