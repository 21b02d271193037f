using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Benchmarks.Baselines;

/// <summary>
/// The floor: the rules the benchmarks use (≥ ＞ ＝ ≤ ＜ and ranges, deadlines, qualitative targets with grades,
/// computed sums, deductions, not-applicable indicators) written as straight-line C# over the library's own
/// records, producing the library's own result records. No expression engine, no LINQ, one record per figure.
/// Thread-safe (no mutable state).
/// </summary>
public sealed class HandWrittenEvaluator
{
    private readonly Mof2020Arithmetic _m = new();

    public EvaluationResult Evaluate(Programme programme) => Evaluate(programme.IndicatorSet, programme.Actuals);

    public EvaluationResult Evaluate(IndicatorSet set, ProgrammeActuals actuals)
    {
        List<Diagnostic>? findings = null;
        if (!string.Equals(set.Id, actuals.IndicatorSet, StringComparison.Ordinal))
        {
            Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.IndicatorSetMismatch, DiagnosticSeverity.Error, "$.indicatorSet", "the actuals are for another set");
        }

        var definitions = set.Indicators;
        var given = Mof2020Arithmetic.Match(definitions, actuals.Indicators);
        var weights = new decimal[definitions.Length];
        var filled = new bool[definitions.Length];
        var budget = _m.Budget(set, actuals, ref findings);
        _m.FillWeights(definitions, given, weights, filled, ref findings);

        var results = new IndicatorResult[definitions.Length];
        for (var i = 0; i < definitions.Length; i++)
        {
            var d = definitions[i];
            var figures = Figures(d, given[i], weights[i], filled[i], set.Year, ref findings);
            results[i] = _m.Result(d, given[i], figures, ref findings);
        }

        return _m.Total(set, budget, results, findings);
    }

    private IndicatorFigures Figures(IndicatorDefinition d, IndicatorActual? given, decimal weight, bool filled, int year, ref List<Diagnostic>? findings)
    {
        var f = new IndicatorFigures { Actual = given?.Actual, Status = IndicatorStatus.Missing, Weight = weight, WeightFilled = filled };
        if (given is { NotApplicable: true })
        {
            f.Actual = null;
            f.Status = IndicatorStatus.NotApplicable;
            f.Weight = 0m;
            f.WeightFilled = false;
            return f;
        }

        var actual = given?.Actual;
        var number = actual?.Number;
        if (d.Compute is { } expression && given is not null && (given.Inputs.Count > 0 || actual is null))
        {
            if (!TrySum(expression, given, out var computed))
            {
                Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.ExpressionFailed, DiagnosticSeverity.Error, "$.indicators." + d.Id + ".inputs", "an input is missing");
                if (actual is null)
                {
                    return f;
                }
            }
            else
            {
                if (number is { } stated && stated != computed)
                {
                    Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.ComputedActualMismatch, DiagnosticSeverity.Error, "$.indicators." + d.Id + ".actual", "stated and computed actuals differ");
                }

                number = computed;
                actual ??= new ActualValue { Text = computed.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture), Number = computed, IsPercent = d.Target.IsPercent };
            }
        }

        if (actual is null)
        {
            Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.MissingActual, DiagnosticSeverity.Warning, "$.indicators." + d.Id, "no actual for " + d.Id);
            return f;
        }

        f.Actual = actual;
        var t = d.Target;
        switch (t.Comparison)
        {
            case Comparison.Qualitative:
            {
                var grade = given!.Grade;
                if (grade is null && Mof2020Arithmetic.InferGrade(t, actual) is { } inferred)
                {
                    grade = inferred;
                    f.GradeInferred = true;
                }

                if (grade is not { } g)
                {
                    Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.GradeRequired, DiagnosticSeverity.Warning, "$.indicators." + d.Id, "a grade is required");
                    return f;
                }

                f.Grade = g;
                f.Status = Mof2020Arithmetic.GradeStatus(g);
                f.Score = _m.QualitativeScore(g, weight, given.Score, ref findings, d.Id);
                return f;
            }

            case Comparison.Deadline:
            {
                if (Mof2020Arithmetic.DeadlineKept(t.Deadline!, actual, year) is not { } kept)
                {
                    Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error, "$.indicators." + d.Id, "not a date or deadline");
                    return f;
                }

                f.CompletionRate = kept ? 100m : 0m;
                f.Status = kept ? IndicatorStatus.Met : IndicatorStatus.NotMet;
                f.Score = kept ? PerfEval.Figures.Round(weight) : 0m;
                return f;
            }

            default:
            {
                if (number is not { } x)
                {
                    Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error, "$.indicators." + d.Id, "not a number");
                    return f;
                }

                if (x < 0)
                {
                    Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.NegativeActual, DiagnosticSeverity.Info, "$.indicators." + d.Id, "a negative actual counts as 0");
                    x = 0;
                }

                var target = t.Value ?? 0m;
                var met = t.Comparison switch
                {
                    Comparison.AtLeast or Comparison.GreaterThan => x >= target,
                    Comparison.Equal => target > 0 ? x >= target : x <= 0,
                    Comparison.AtMost or Comparison.LessThan => x <= target,
                    _ => x >= target && x <= (t.UpperValue ?? target),
                };
                var share = met ? 1m : Mof2020Arithmetic.ShortfallShare(t, x);
                f.ActualNumber = x;
                f.CompletionRate = PerfEval.Figures.Percent(Mof2020Arithmetic.Completion(t, x));
                f.Status = met ? IndicatorStatus.Met : share > 0 ? IndicatorStatus.PartiallyMet : IndicatorStatus.NotMet;
                f.Score = PerfEval.Figures.Round(weight * share);
                return f;
            }
        }
    }

    /// <summary>Computes <c>a + b + c</c> from the named inputs (the only expression shape the benchmarks use).</summary>
    internal static bool TrySum(string expression, IndicatorActual given, out decimal sum)
    {
        sum = 0m;
        var rest = expression.AsSpan();
        while (rest.Length > 0)
        {
            var plus = rest.IndexOf('+');
            var term = (plus < 0 ? rest : rest[..plus]).Trim();
            rest = plus < 0 ? [] : rest[(plus + 1)..];
            var found = false;
            foreach (var (name, value) in given.Inputs)
            {
                if (term.SequenceEqual(name))
                {
                    sum += value;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
