using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Expressions;
using PerfEval.Indicators;
using PerfEval.Rules;

namespace PerfEval.Loading;

/// <summary>
/// The checks of an indicator set that look past one value: unique ids, levels that belong together, targets
/// that can be evaluated, weights in range, <c>compute</c> expressions (checked by compiling them) and the set's
/// rules. The reader runs them on every set it reads; sets built in code get them when first prepared.
/// </summary>
internal static class SetChecks
{
    /// <summary>Checks an indicator set: budget lines, each indicator, its expression, the set's rules.</summary>
    /// <param name="set">The set; its source map places the findings.</param>
    /// <returns>The findings, the compiled expressions and rules, and which indicators can be scored.</returns>
    public static SetCheck Run(IndicatorSet set)
    {
        var bag = new DiagnosticBag();
        var map = set.Locations;
        var indicators = set.Indicators.IsDefault ? [] : set.Indicators;
        var compiled = new CompiledExpression<decimal>?[indicators.Length];
        var valid = new bool[indicators.Length];
        var index = new Dictionary<string, int>(indicators.Length, StringComparer.Ordinal);
        var expressions = 0;

        if (indicators.Length == 0)
        {
            bag.Add(DiagnosticCodes.EmptyIndicatorSet, DiagnosticSeverity.Warning, "$.indicators", map["$.indicators"] ?? map["$"]);
        }

        CheckLines(set.Budget.Sources, "$.budget.sources", map, bag);
        CheckLines(set.Budget.Expenditures, "$.budget.expenditures", map, bag);

        for (var i = 0; i < indicators.Length; i++)
        {
            var d = indicators[i];
            var errorsBefore = bag.ErrorCount;
            if (string.IsNullOrWhiteSpace(d.Id))
            {
                bag.Add(DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error, IndicatorPath(i) + ".id", map[IndicatorPath(i)], ("name", "id"));
            }
            else if (!index.TryAdd(d.Id, i))
            {
                bag.Add(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, IndicatorPath(i) + ".id", map[IndicatorPath(i) + ".id"] ?? map[IndicatorPath(i)], ("id", d.Id));
            }

            if (!IndicatorLevels.Belongs(d.Level1, d.Level2))
            {
                bag.Add(DiagnosticCodes.LevelMismatch, DiagnosticSeverity.Error, IndicatorPath(i) + ".level1", map[IndicatorPath(i) + ".level1"] ?? map[IndicatorPath(i)],
                    ("level1", IndicatorLevels.Text(d.Level1)), ("level2", IndicatorLevels.Text(d.Level2)));
            }

            CheckTarget(d.Target, d.Id, set.Year is >= 1900 and <= 2999 ? set.Year : 2000, i, map, bag);

            if (d.Weight is < 0 or > 100)
            {
                bag.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, IndicatorPath(i) + ".weight", map[IndicatorPath(i) + ".weight"] ?? map[IndicatorPath(i)],
                    ("value", d.Weight), ("reason", MessageText.Of("reason.weightRange")));
            }

            if (d.Compute is { } expression)
            {
                if (!d.Target.IsNumeric)
                {
                    bag.Add(DiagnosticCodes.InvalidExpression, DiagnosticSeverity.Error, IndicatorPath(i) + ".compute", map[IndicatorPath(i) + ".compute"] ?? map[IndicatorPath(i)],
                        ("expression", expression), ("reason", MessageText.Of("reason.computeNeedsNumeric")));
                }
                else if (++expressions > MaxExpressions)
                {
                    bag.Add(DiagnosticCodes.InvalidExpression, DiagnosticSeverity.Error, IndicatorPath(i) + ".compute", map[IndicatorPath(i) + ".compute"] ?? map[IndicatorPath(i)],
                        ("expression", expression), ("reason", MessageText.Of("reason.tooManyExpressions", ("max", MaxExpressions))));
                }
                else if (CompiledExpression<decimal>.TryCompile(expression, static _ => typeof(decimal), out var c, out var error, out var parserDetail))
                {
                    compiled[i] = c;
                }
                else
                {
                    bag.Add(DiagnosticCodes.InvalidExpression, DiagnosticSeverity.Error, IndicatorPath(i) + ".compute", map[IndicatorPath(i) + ".compute"] ?? map[IndicatorPath(i)],
                        CompileFailure.Arguments(expression, error, parserDetail));
                }
            }

            valid[i] = bag.ErrorCount == errorsBefore;
        }

        var rules = RuleChecks.Check(new RuleTemplate { Id = set.Id, ReasonRules = set.ReasonRules, ConsistencyRules = set.ConsistencyRules, ReasonCategories = set.ReasonCategories }, null, map);
        bag.AddRange(rules.Diagnostics);
        CheckRuleTargets(set.Id, "$.reasonRules", set.ReasonRules.IsDefault ? [] : set.ReasonRules.Select(r => r.Indicators), index, map, bag);
        CheckRuleTargets(set.Id, "$.consistencyRules", set.ConsistencyRules.IsDefault ? [] : set.ConsistencyRules.Select(r => r.Indicators), index, map, bag);
        return new SetCheck(set, bag.ToImmutable(), compiled, valid, index, rules);
    }

    /// <summary>A set's rule aimed at an indicator the set does not have would never run: that is an error.</summary>
    private static void CheckRuleTargets(string setId, string path, IEnumerable<ImmutableArray<string>> targets, Dictionary<string, int> index, SourceMap map, DiagnosticBag bag)
    {
        foreach (var (ids, i) in targets.Select((t, i) => (t, i)))
        {
            foreach (var (id, j) in (ids.IsDefault ? [] : ids).Select((id, j) => (id, j)))
            {
                if (!index.ContainsKey(id))
                {
                    var p = $"{path}[{i}].indicators[{j}]";
                    bag.Add(DiagnosticCodes.UnknownIndicator, DiagnosticSeverity.Error, p, map[p] ?? map[$"{path}[{i}]"],
                        ("set", setId), ("id", id), ("suggestion", MessageText.DidYouMean(ObjectReader.Closest(id, index.Keys))));
                }
            }
        }
    }

    /// <summary>The most <c>compute</c> expressions one set may hold: each new one is compiled (a few milliseconds), so this bounds reading.</summary>
    public const int MaxExpressions = 500;

    /// <summary>An indicator's path in the set, made only when a finding needs it.</summary>
    private static string IndicatorPath(int i) => $"$.indicators[{i}]";

    private static void CheckTarget(Target t, string id, int year, int i, SourceMap map, DiagnosticBag bag)
    {
        var problem = t.Comparison switch
        {
            Comparison.Deadline when t.Deadline is null => MessageText.Of("target.deadlineNeeded"),
            Comparison.Deadline when t.Deadline.Month is < 1 or > 12 => MessageText.Of("target.monthRange"),
            Comparison.Deadline when (t.Deadline.Year ?? year) is < 1900 or > 2999 => MessageText.Of("reason.yearRange"),
            Comparison.Deadline when t.Deadline.Day is { } day && (day < 1 || day > DateTime.DaysInMonth(t.Deadline.Year ?? year, t.Deadline.Month))
                => MessageText.Of("target.noSuchDay", ("year", t.Deadline.Year ?? year)),
            Comparison.Qualitative when string.IsNullOrWhiteSpace(t.Description) => MessageText.Of("target.qualitativeNeedsWording"),
            Comparison.Range when t.Value is null || t.UpperValue is null => MessageText.Of("target.rangeNeedsBounds"),
            Comparison.Range when t.Value > t.UpperValue => MessageText.Of("target.rangeReversed"),
            Comparison.Range when t.Value < 0 => MessageText.Of("target.rangeBelowZero"),
            not (Comparison.Deadline or Comparison.Qualitative or Comparison.Range) when t.Value is null => MessageText.Of("target.numericNeedsValue"),
            not (Comparison.Deadline or Comparison.Qualitative) when t.Value < 0 => MessageText.Of("target.negative"),
            _ => null,
        };
        if (problem is not null)
        {
            var path = IndicatorPath(i) + ".target";
            bag.Add(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, path, map[path], ("value", t.Text ?? t.Display), ("reason", problem), ("id", id));
            return;
        }

        if (t.Comparison is Comparison.AtLeast or Comparison.GreaterThan && t.Value == 0)
        {
            var path = IndicatorPath(i) + ".target";
            bag.Add(DiagnosticCodes.ZeroTargetRatio, DiagnosticSeverity.Error, path, map[path], ("comparison", Target.Symbol(t.Comparison)), ("id", id));
        }
    }

    private static void CheckLines(ImmutableArray<BudgetLine> lines, string path, SourceMap map, DiagnosticBag bag)
    {
        if (lines.IsDefault)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!seen.Add(lines[i].Id))
            {
                var p = $"{path}[{i}].id";
                bag.Add(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, p, map[p], ("id", lines[i].Id));
            }
        }
    }
}
