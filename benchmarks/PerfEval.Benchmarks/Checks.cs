using System.Globalization;
using System.Text;
using PerfEval.Evaluation;

namespace PerfEval.Benchmarks;

/// <summary>Checks that two contenders produced the same figures before anything is timed.</summary>
internal static class Checks
{
    /// <summary>Where two results disagree on any figure (totals, grade, budget, each indicator's status, rate, weight, score and deviation); null when they agree.</summary>
    /// <param name="expected">PerfEval's result.</param>
    /// <param name="actual">The contender's result.</param>
    /// <param name="label">What is compared, for the message.</param>
    /// <param name="findings">Also compare the codes of the findings.</param>
    /// <returns>The differences, or null.</returns>
    public static string? Differences(EvaluationResult expected, EvaluationResult actual, string label, bool findings = true)
    {
        var problems = new StringBuilder();
        void Same<T>(T e, T a, string what)
        {
            if (!EqualityComparer<T>.Default.Equals(e, a))
            {
                problems.Append(CultureInfo.InvariantCulture, $"\n  {what}: expected {e?.ToString() ?? "null"}, got {a?.ToString() ?? "null"}");
            }
        }

        Same(expected.IndicatorSetId, actual.IndicatorSetId, "set");
        Same(expected.TotalScore, actual.TotalScore, "total score");
        Same(expected.TotalWeight, actual.TotalWeight, "total weight");
        Same(expected.Grade.Code, actual.Grade.Code, "grade");
        Same(expected.Policy, actual.Policy, "policy");
        var eb = expected.Budget;
        var ab = actual.Budget;
        Same(eb.Available, ab.Available, "budget available");
        Same(eb.Spent, ab.Spent, "budget spent");
        Same(eb.ExecutionRate, ab.ExecutionRate, "budget execution rate");
        Same(eb.Score, ab.Score, "budget score");
        Same(eb.Sources.Length, ab.Sources.Length, "budget sources");
        for (var i = 0; i < Math.Min(eb.Sources.Length, ab.Sources.Length); i++)
        {
            Same(eb.Sources[i], ab.Sources[i], "source " + i.ToString(CultureInfo.InvariantCulture));
        }

        Same(eb.Expenditures.Length, ab.Expenditures.Length, "budget expenditures");
        for (var i = 0; i < Math.Min(eb.Expenditures.Length, ab.Expenditures.Length); i++)
        {
            Same(eb.Expenditures[i], ab.Expenditures[i], "expenditure " + i.ToString(CultureInfo.InvariantCulture));
        }

        Same(eb.Deviation.Direction, ab.Deviation.Direction, "budget deviation");
        Same(eb.Deviation.Relative, ab.Deviation.Relative, "budget relative deviation");
        Same(eb.Deviation.ExplanationRequired, ab.Deviation.ExplanationRequired, "budget explanation required");
        Same(eb.Deviation.Reasons.Length, ab.Deviation.Reasons.Length, "budget reasons");

        Same(expected.Indicators.Length, actual.Indicators.Length, "indicators");
        for (var i = 0; i < Math.Min(expected.Indicators.Length, actual.Indicators.Length); i++)
        {
            var e = expected.Indicators[i];
            var a = actual.Indicators[i];
            var at = e.Id + " ";
            Same(e.Id, a.Id, at + "id");
            Same(e.Level1, a.Level1, at + "level 1");
            Same(e.Target.Comparison, a.Target.Comparison, at + "comparison");
            Same(e.Target.Value, a.Target.Value, at + "target");
            Same(e.Target.IsPercent, a.Target.IsPercent, at + "target percent");
            Same(e.Target.Display, a.Target.Display, at + "target display");
            Same(e.Unit, a.Unit, at + "unit");
            Same(e.Status, a.Status, at + "status");
            Same(e.ActualNumber, a.ActualNumber, at + "actual number");
            Same(e.Actual?.Text, a.Actual?.Text, at + "actual text");
            Same(e.CompletionRate, a.CompletionRate, at + "completion rate");
            Same(e.Grade, a.Grade, at + "grade");
            Same(e.GradeInferred, a.GradeInferred, at + "grade inferred");
            Same(e.Weight, a.Weight, at + "weight");
            Same(e.WeightFilled, a.WeightFilled, at + "weight filled");
            Same(e.Score, a.Score, at + "score");
            Same(e.Deduction, a.Deduction, at + "deduction");
            Same(e.Deviation.Direction, a.Deviation.Direction, at + "deviation");
            Same(e.Deviation.Absolute, a.Deviation.Absolute, at + "absolute deviation");
            Same(e.Deviation.Relative, a.Deviation.Relative, at + "relative deviation");
            Same(string.Join(",", e.Deviation.Triggers), string.Join(",", a.Deviation.Triggers), at + "triggers");
            Same(e.Deviation.Reasons.Length, a.Deviation.Reasons.Length, at + "reasons");
            for (var k = 0; k < Math.Min(e.Deviation.Reasons.Length, a.Deviation.Reasons.Length); k++)
            {
                Same(e.Deviation.Reasons[k], a.Deviation.Reasons[k], at + "reason " + k.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (findings)
        {
            Same(Codes(expected), Codes(actual), "finding codes");
        }

        return problems.Length > 0 ? $"{label}: the figures differ ({expected.IndicatorSetId}):{problems}" : null;
    }

    /// <summary>Throws when a check found differences (what [GlobalSetup] does: nothing is timed on different figures).</summary>
    public static void Require(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{problems.Count} check(s) failed:\n" + string.Join("\n", problems));
        }
    }

    /// <summary>The codes of a result's findings, sorted, with their paths.</summary>
    public static string Codes(EvaluationResult result)
    {
        var codes = new List<string>(result.Findings.Length);
        foreach (var f in result.Findings)
        {
            codes.Add(f.Code + "@" + f.Path);
        }

        codes.Sort(StringComparer.Ordinal);
        return string.Join(" ", codes);
    }
}
