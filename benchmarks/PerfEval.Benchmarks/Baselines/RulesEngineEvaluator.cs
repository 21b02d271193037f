using System.Globalization;
using System.Text;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using RulesEngine.Models;

namespace PerfEval.Benchmarks.Baselines;

/// <summary>What one indicator's rule reads: the facts of its actual.</summary>
public sealed class Fact
{
    /// <summary>The number scored (computed from the inputs where the indicator says so; a negative counts as 0).</summary>
    public decimal X { get; set; }

    /// <summary>The last day the actual allows: the deadline kept, the date, <see cref="DateTime.MinValue"/> for 完成, <see cref="DateTime.MaxValue"/> for 未完成.</summary>
    public DateTime By { get; set; }

    /// <summary>The qualitative grade, given or inferred: achieved, partial, notAchieved, or empty.</summary>
    public string Grade { get; set; } = string.Empty;

    internal bool HasNumber { get; set; }

    internal bool HasDate { get; set; }

    internal QualitativeGrade? QualitativeGrade { get; set; }

    internal bool GradeInferred { get; set; }

    internal ActualValue? Actual { get; set; }
}

/// <summary>
/// RulesEngine used the obvious way: one workflow per programme, one rule per indicator with its target written
/// into the expression (<c>input1["si-subsidy-recipients"].X &gt;= 2300m</c>), executed with
/// <see cref="RulesEngine.RulesEngine.ExecuteAllRulesAsync(string, object[])"/> on a dictionary of facts; the
/// result records are then built from the rule outcomes with the same arithmetic as the hand-written evaluator.
/// </summary>
public sealed class RulesEngineEvaluator
{
    private readonly Mof2020Arithmetic _m = new();
    private readonly RulesEngine.RulesEngine _engine;
    private readonly string _workflow;

    private RulesEngineEvaluator(IndicatorSet set)
    {
        Set = set;
        _workflow = set.Id;
        var rules = new List<Rule>(set.Indicators.Length);
        foreach (var d in set.Indicators)
        {
            rules.Add(new Rule
            {
                RuleName = d.Id,
                Expression = Expression(d, set.Year),
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                SuccessEvent = "met",
            });
        }

        _engine = new RulesEngine.RulesEngine([new Workflow { WorkflowName = _workflow, Rules = rules }], new ReSettings());
    }

    public IndicatorSet Set { get; }

    /// <summary>A new workflow (and engine) for one programme's indicator set; rules are compiled on first execution.</summary>
    public static RulesEngineEvaluator For(IndicatorSet set) => new(set);

    /// <summary>The rule of one indicator, with its target written in.</summary>
    public static string Expression(IndicatorDefinition d, int year)
    {
        var x = "input1[\"" + d.Id + "\"]";
        var t = d.Target;
        return t.Comparison switch
        {
            Comparison.AtLeast or Comparison.GreaterThan => $"{x}.X >= {Literal(t.Value)}",

            // The national rules score ＝T (T > 0) as ≥T, and ＝0 as "nothing happened".
            Comparison.Equal => t.Value > 0 ? $"{x}.X >= {Literal(t.Value)}" : $"{x}.X <= 0",
            Comparison.AtMost or Comparison.LessThan => $"{x}.X <= {Literal(t.Value)}",
            Comparison.Range => $"{x}.X >= {Literal(t.Value)} && {x}.X <= {Literal(t.UpperValue)}",
            Comparison.Deadline => $"{x}.By <= DateTime({Day(t.Deadline!, year)})",
            _ => $"{x}.Grade == \"achieved\"",
        };

        static string Literal(decimal? v) => (v ?? 0m).ToString(CultureInfo.InvariantCulture) + "m";

        static string Day(Deadline deadline, int year)
        {
            var d = deadline.LastDay(year);
            return string.Create(CultureInfo.InvariantCulture, $"{d.Year}, {d.Month}, {d.Day}");
        }
    }

    /// <summary>Runs the workflow on one year's actuals and builds the result records.</summary>
    public EvaluationResult Evaluate(ProgrammeActuals actuals) => Evaluate(actuals, out _);

    public EvaluationResult Evaluate(ProgrammeActuals actuals, out List<RuleResultTree> ruleResults)
    {
        var set = Set;
        List<Diagnostic>? findings = null;
        var definitions = set.Indicators;
        var given = Mof2020Arithmetic.Match(definitions, actuals.Indicators);
        var facts = new Dictionary<string, Fact>(definitions.Length, StringComparer.Ordinal);
        for (var i = 0; i < definitions.Length; i++)
        {
            facts[definitions[i].Id] = MakeFact(definitions[i], given[i], set.Year);
        }

        ruleResults = _engine.ExecuteAllRulesAsync(_workflow, facts).AsTask().GetAwaiter().GetResult();

        var weights = new decimal[definitions.Length];
        var filled = new bool[definitions.Length];
        var budget = _m.Budget(set, actuals, ref findings);
        _m.FillWeights(definitions, given, weights, filled, ref findings);
        var results = new IndicatorResult[definitions.Length];
        for (var i = 0; i < definitions.Length; i++)
        {
            var d = definitions[i];
            var rule = ruleResults[i];
            if (!string.Equals(rule.Rule.RuleName, d.Id, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("RulesEngine returned its results out of order.");
            }

            var figures = FromRule(d, given[i], facts[d.Id], rule.IsSuccess, weights[i], filled[i], ref findings);
            results[i] = _m.Result(d, given[i], figures, ref findings);
        }

        return _m.Total(set, budget, results, findings);
    }

    private static Fact MakeFact(IndicatorDefinition d, IndicatorActual? given, int year)
    {
        var fact = new Fact { By = DateTime.MaxValue, Actual = given?.Actual };
        if (given is null || given.NotApplicable)
        {
            return fact;
        }

        var actual = given.Actual;
        var number = actual?.Number;
        if (d.Compute is { } expression && (given.Inputs.Count > 0 || actual is null) && HandWrittenEvaluator.TrySum(expression, given, out var computed))
        {
            number = computed;
            actual ??= new ActualValue { Text = computed.ToString("0.############################", CultureInfo.InvariantCulture), Number = computed, IsPercent = d.Target.IsPercent };
        }

        fact.Actual = actual;
        if (actual is null)
        {
            return fact;
        }

        if (number is { } x)
        {
            fact.X = Math.Max(0m, x);
            fact.HasNumber = true;
        }

        if (actual.Done == false)
        {
            fact.HasDate = true;
        }
        else if (actual.Deadline is { } kept)
        {
            fact.By = kept.LastDay(year).ToDateTime(TimeOnly.MinValue);
            fact.HasDate = true;
        }
        else if (actual.Date is { } date)
        {
            fact.By = date.ToDateTime(TimeOnly.MinValue);
            fact.HasDate = true;
        }
        else if (actual.Done == true)
        {
            fact.By = DateTime.MinValue;
            fact.HasDate = true;
        }

        if (d.Target.Comparison == Comparison.Qualitative)
        {
            fact.QualitativeGrade = given.Grade;
            if (fact.QualitativeGrade is null && Mof2020Arithmetic.InferGrade(d.Target, actual) is { } inferred)
            {
                fact.QualitativeGrade = inferred;
                fact.GradeInferred = true;
            }

            fact.Grade = fact.QualitativeGrade switch
            {
                QualitativeGrade.Achieved => "achieved",
                QualitativeGrade.Partial => "partial",
                QualitativeGrade.NotAchieved => "notAchieved",
                _ => string.Empty,
            };
        }

        return fact;
    }

    private IndicatorFigures FromRule(IndicatorDefinition d, IndicatorActual? given, Fact fact, bool met, decimal weight, bool filled, ref List<Diagnostic>? findings)
    {
        var f = new IndicatorFigures { Actual = fact.Actual, Status = IndicatorStatus.Missing, Weight = weight, WeightFilled = filled };
        if (given is { NotApplicable: true })
        {
            f.Actual = null;
            f.Status = IndicatorStatus.NotApplicable;
            f.Weight = 0m;
            f.WeightFilled = false;
            return f;
        }

        if (fact.Actual is null)
        {
            Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.MissingActual, DiagnosticSeverity.Warning, "$.indicators." + d.Id, "no actual for " + d.Id);
            return f;
        }

        var t = d.Target;
        switch (t.Comparison)
        {
            case Comparison.Qualitative:
                if (fact.QualitativeGrade is not { } g)
                {
                    Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.GradeRequired, DiagnosticSeverity.Warning, "$.indicators." + d.Id, "a grade is required");
                    return f;
                }

                g = met ? QualitativeGrade.Achieved : g;
                f.Grade = g;
                f.GradeInferred = fact.GradeInferred;
                f.Status = Mof2020Arithmetic.GradeStatus(g);
                f.Score = _m.QualitativeScore(g, weight, given!.Score, ref findings, d.Id);
                return f;

            case Comparison.Deadline:
                if (!fact.HasDate)
                {
                    Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error, "$.indicators." + d.Id, "not a date or deadline");
                    return f;
                }

                f.CompletionRate = met ? 100m : 0m;
                f.Status = met ? IndicatorStatus.Met : IndicatorStatus.NotMet;
                f.Score = met ? PerfEval.Figures.Round(weight) : 0m;
                return f;

            default:
            {
                if (!fact.HasNumber)
                {
                    Mof2020Arithmetic.Add(ref findings, DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error, "$.indicators." + d.Id, "not a number");
                    return f;
                }

                var x = fact.X;
                var share = met ? 1m : Mof2020Arithmetic.ShortfallShare(t, x);
                f.ActualNumber = x;
                f.CompletionRate = PerfEval.Figures.Percent(Mof2020Arithmetic.Completion(t, x));
                f.Status = met ? IndicatorStatus.Met : share > 0 ? IndicatorStatus.PartiallyMet : IndicatorStatus.NotMet;
                f.Score = PerfEval.Figures.Round(weight * share);
                return f;
            }
        }
    }

    /// <summary>Throws when a rule failed to compile or run (RulesEngine reports that as a failed rule, not an exception).</summary>
    public static void EnsureRan(List<RuleResultTree> results)
    {
        StringBuilder? problems = null;
        foreach (var r in results)
        {
            if (!string.IsNullOrEmpty(r.ExceptionMessage))
            {
                (problems ??= new StringBuilder()).Append(r.Rule.RuleName).Append(" (").Append(r.Rule.Expression).Append("): ").AppendLine(r.ExceptionMessage);
            }
        }

        if (problems is not null)
        {
            throw new InvalidOperationException("RulesEngine could not run some rules:\n" + problems);
        }
    }
}
