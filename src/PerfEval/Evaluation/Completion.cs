using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;

namespace PerfEval.Evaluation;

/// <summary>
/// The completion step: an indicator's actual (computed from its inputs where the set says so), compared with
/// its target: the completion rate, the status and the score of a quantitative, range or deadline target under
/// the policy. Qualitative targets, and numeric or range targets whose actual is in words, go to <see cref="QualitativeGrading"/>.
/// </summary>
internal static class Completion
{
    /// <summary>Works out one indicator's actual, completion rate, status and score.</summary>
    /// <param name="context">The evaluation.</param>
    /// <param name="input">The indicator and its actual.</param>
    /// <param name="s">The indicator's figures, filled in place.</param>
    public static void Score(EvaluationContext context, in IndicatorInput input, ref ScoredIndicator s)
    {
        var (d, given, map) = (input.Definition, input.Given, context.ActualsMap);
        var actual = given?.Actual;
        decimal? number = actual?.Number;
        if (context.Plan.CompiledAt(input.Position) is { } expression && given is not null && (given.Inputs.Count > 0 || actual is null))
        {
            if (Compute(expression, given, out var computed, out var error))
            {
                if (number is { } stated && stated != computed)
                {
                    var path = ActualPath(input, map);
                    context.Findings.Add(DiagnosticCodes.ComputedActualMismatch, DiagnosticSeverity.Error, path, map[path] ?? map[input.ActualsPath],
                        ("stated", stated), ("computed", computed), ("expression", expression.Text));
                }

                number = computed;
                actual ??= ActualValue.FromNumber(computed) with { IsPercent = d.Target.IsPercent };
            }
            else
            {
                var path = input.ActualsPath;
                context.Findings.Add(DiagnosticCodes.ExpressionFailed, DiagnosticSeverity.Error, path + ".inputs", map[path + ".inputs"] ?? map[path],
                    ("id", d.Id), ("expression", expression.Text), ("reason", error));
                if (actual is null)
                {
                    return;
                }
            }
        }

        if (actual is null)
        {
            // With no entry in the actuals, point at the indicator in the set.
            var (missingPath, location) = context.IndicatorPlace(input.Position, d.Id, given is not null);
            context.Findings.Add(DiagnosticCodes.MissingActual, DiagnosticSeverity.Warning, missingPath, location, ("id", d.Id), ("name", d.Name));
            return;
        }

        s.Actual = actual;
        switch (d.Target.Comparison)
        {
            case Comparison.Qualitative:
                QualitativeGrading.Grade(context, input, ref s);
                return;
            case Comparison.Deadline:
                Deadline(context, input, ref s);
                return;
            default:
                Numeric(context, input, number, ref s);
                return;
        }
    }

    /// <summary>The path of an indicator's actual: <c>….actual</c> in the object form, the entry itself when the actual is written bare.</summary>
    /// <param name="input">The indicator.</param>
    /// <param name="map">Where the actuals' values stand.</param>
    /// <returns>The path.</returns>
    public static string ActualPath(in IndicatorInput input, SourceMap map)
    {
        var indicatorPath = input.ActualsPath;
        return map[indicatorPath] is not null && map[indicatorPath + ".actual"] is null ? indicatorPath : indicatorPath + ".actual";
    }

    private static void Deadline(EvaluationContext context, in IndicatorInput input, ref ScoredIndicator s)
    {
        var t = input.Definition.Target;
        if (IndicatorScorer.DeadlineKept(t.Deadline!, s.Actual!, context.Set.Year) is { } kept)
        {
            s.Apply(IndicatorScorer.Deadline(kept), null);
            return;
        }

        NotComparable(context, input, s.Actual!, MessageText.Of("actual.deadlineExpected"));
    }

    private static void Numeric(EvaluationContext context, in IndicatorInput input, decimal? number, ref ScoredIndicator s)
    {
        var (t, actual, policy) = (input.Definition.Target, s.Actual!, context.Policy);
        if (number is not { } x)
        {
            // An actual in words ("均符合要求", "均在18-54周岁之间") against a number or range: judged by the preparer's grade or score.
            QualitativeGrading.GradeWords(context, input, ref s);
            return;
        }

        if (t.IsPercent && !actual.IsPercent && x > 0 && x <= 1 && (t.Value ?? 0) > 1)
        {
            var path = ActualPath(input, context.ActualsMap);
            context.Findings.Add(DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Warning, path, context.ActualsMap[path] ?? context.ActualsMap[input.ActualsPath],
                ("actual", actual.Text), ("target", t.Display),
                ("reason", MessageText.Of("actual.fractionForPercent")));
        }

        if (x < 0)
        {
            var path = ActualPath(input, context.ActualsMap);
            context.Findings.Add(DiagnosticCodes.NegativeActual, DiagnosticSeverity.Info, path, context.ActualsMap[path] ?? context.ActualsMap[input.ActualsPath], ("actual", x));
            x = 0;
        }

        s.Apply(IndicatorScorer.ApplyPolicy(IndicatorScorer.Numeric(t, x, policy), new Measured(input.Definition.Level2, t, x, actual.IsPercent), policy), x);
    }

    private static void NotComparable(EvaluationContext context, in IndicatorInput input, ActualValue actual, MessageText reason)
    {
        var path = ActualPath(input, context.ActualsMap);
        context.Findings.Add(DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error, path, context.ActualsMap[path] ?? context.ActualsMap[input.ActualsPath],
            ("actual", actual.Text), ("target", input.Definition.Target.Display), ("reason", reason));
    }

    /// <summary>Evaluates a <c>compute</c> expression with the indicator's inputs (in a method of its own, so that only these indicators pay for the closure).</summary>
    private static bool Compute(Expressions.CompiledExpression<decimal> expression, IndicatorActual given, out decimal computed, out MessageText? error) =>
        expression.TryEvaluate(name => given.Inputs.TryGetValue(name, out var v) ? v : null, out computed, out error, out _);
}
