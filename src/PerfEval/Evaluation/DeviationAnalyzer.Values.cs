using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Deviations;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;

namespace PerfEval.Evaluation;

/// <summary>The values the rules of a deviation read, and the filling of their templates.</summary>
internal sealed partial class DeviationAnalyzer
{
    private static Dictionary<string, object?> BudgetValues(BudgetResult budget, Deviation deviation)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var line in budget.Sources.Concat(budget.Expenditures))
        {
            if (Expressions.ExpressionSandbox.IsValueName(line.Id))
            {
                values[line.Id] = line.Amount;
            }
        }

        values["available"] = budget.Available;
        values["spent"] = budget.Spent;
        values["initial"] = budget.Initial;
        values["executionRate"] = budget.ExecutionRate;
        values["score"] = budget.Score;
        values["weight"] = budget.Weight;
        values["deviation"] = deviation.Absolute;
        values["relativeDeviation"] = deviation.Relative;
        values["sourcesTotal"] = budget.Sources.IsDefaultOrEmpty ? null : budget.Sources.Sum(l => l.Amount);
        values["expendituresTotal"] = budget.Expenditures.IsDefaultOrEmpty ? null : budget.Expenditures.Sum(l => l.Amount);
        return values;
    }

    private static Dictionary<string, object?> IndicatorValues(IndicatorResult r, IndicatorActual? given, Deviation deviation, BudgetResult budget)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in given?.Inputs ?? ImmutableDictionary<string, decimal>.Empty)
        {
            values[name] = value;
        }

        values["actual"] = r.ActualNumber;
        values["target"] = r.Target.Value;
        values["upper"] = r.Target.UpperValue;
        values["completionRate"] = r.CompletionRate;
        values["score"] = r.Score;
        values["weight"] = r.Weight;
        values["deviation"] = deviation.Absolute;
        values["relativeDeviation"] = deviation.Relative;
        values["executionRate"] = budget.ExecutionRate;
        values["available"] = budget.Available;
        values["spent"] = budget.Spent;
        values["met"] = r.Status == IndicatorStatus.Met;
        values["qualitative"] = r.Target.Comparison == Comparison.Qualitative;
        values["lessIsBetter"] = r.Target.IsLessBetter;
        values["percent"] = r.Target.IsPercent || r.Actual?.IsPercent == true;
        values["gap"] = deviation.Absolute is { } gap ? Math.Abs(gap) : null;
        values["pointsLost"] = deviation.Triggers.Contains(ExplanationTrigger.PointsLost);
        values["overAchieved"] = deviation.Triggers.Contains(ExplanationTrigger.OverAchievement);

        // Text placeholders for templates (not readable by expressions: they are not numbers).
        values["@id"] = r.Id;
        values["@name"] = r.Name;
        values["@program"] = r.Program;
        values["@unit"] = r.Unit;
        values["@targetText"] = r.Target.Display;
        values["@actualText"] = r.Actual?.Text;
        return values;
    }

    /// <summary>Fills <c>{name}</c> placeholders with values; <c>{name}</c> of an unknown or missing value becomes "—".</summary>
    private static string Render(string template, Dictionary<string, object?> values) =>
        Messages.Fill(template, name => (values.TryGetValue(name, out var v) ? v : values.GetValueOrDefault("@" + name)) is { } value ? Format(value) : null, "—");

    private static string Format(object value) => value switch
    {
        decimal d => Notation.Number(d),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
