using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PerfEval.Actuals;
using PerfEval.Indicators;

namespace PerfEval.Import;

/// <summary>
/// Writes an imported indicator set and its actuals as PerfEval JSON (<c>indicators.json</c>, <c>actuals.json</c>), in
/// the rule files' own format, so that they are read, evaluated and audited like hand-written ones. Targets and actuals
/// are written as the table wrote them; stated figures keep the decimals they were shown with.
/// </summary>
public static class SubmissionJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The indicator set as the text of an <c>indicators.json</c>.</summary>
    /// <param name="set">The set.</param>
    /// <returns>The JSON text.</returns>
    public static string IndicatorsJson(IndicatorSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("id", set.Id);
            w.WriteString("name", set.Name);
            w.WriteNumber("year", set.Year);
            Optional(w, "department", set.Department);
            Optional(w, "implementingUnit", set.ImplementingUnit);
            Optional(w, "policy", set.PolicyName);
            if (set.Goals.Length > 0)
            {
                w.WriteStartArray("goals");
                foreach (var goal in set.Goals)
                {
                    w.WriteStringValue(goal);
                }

                w.WriteEndArray();
            }

            w.WriteStartObject("budget");
            w.WriteString("unit", set.Budget.Unit);
            Lines(w, "sources", set.Budget.Sources, withCategory: true);
            Lines(w, "expenditures", set.Budget.Expenditures, withCategory: false);
            w.WriteEndObject();

            w.WriteStartArray("indicators");
            foreach (var i in set.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("id", i.Id);
                w.WriteString("name", i.Name);
                Optional(w, "program", i.Program);
                w.WriteString("level1", IndicatorLevels.Code(i.Level1));
                w.WriteString("level2", IndicatorLevels.Code(i.Level2));
                w.WriteString("target", i.Target.Text ?? i.Target.Display);
                if (i.Target.Comparison == Comparison.Qualitative && Target.ListsSeveralStandards(i.Target.Text ?? i.Target.Display, i.Level2))
                {
                    // Wording to judge by (PE6011): the file must say so, or the target would be refused as several standards.
                    w.WriteString("comparison", "qualitative");
                }

                Optional(w, "unit", i.Unit);
                if (i.Weight is { } weight)
                {
                    w.WritePropertyName("weight");
                    Number(w, weight);
                }

                Optional(w, "compute", i.Compute);
                Optional(w, "description", i.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The actuals as the text of an <c>actuals.json</c>, with the stated figures under <c>stated</c>.</summary>
    /// <param name="actuals">The actuals.</param>
    /// <returns>The JSON text.</returns>
    public static string ActualsJson(ProgrammeActuals actuals)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("indicatorSet", actuals.IndicatorSet);
            if (actuals.Year is { } year)
            {
                w.WriteNumber("year", year);
            }

            var b = actuals.Budget;
            w.WriteStartObject("budget");
            OptionalNumber(w, "initial", b.Initial);
            OptionalNumber(w, "available", b.Available);
            OptionalNumber(w, "spent", b.Spent);
            Amounts(w, "sources", b.Sources.Select(a => (a.Id, a.Amount)));
            Amounts(w, "expenditures", b.Expenditures.Select(a => (a.Id, a.Amount)));
            Optional(w, "reason", b.Reason);
            Optional(w, "measures", b.Measures);
            Optional(w, "reasonCategory", b.ReasonCategory);
            w.WriteEndObject();

            w.WriteStartObject("indicators");
            foreach (var i in actuals.Indicators)
            {
                w.WriteStartObject(i.Id);
                if (i.Actual is { } actual)
                {
                    w.WriteString("actual", actual.Text);
                }

                if (i.Grade is { } grade)
                {
                    w.WriteString("grade", grade switch { QualitativeGrade.Achieved => "achieved", QualitativeGrade.Partial => "partial", _ => "notAchieved" });
                }

                OptionalNumber(w, "score", i.Score);
                if (!i.Inputs.IsEmpty)
                {
                    Amounts(w, "inputs", i.Inputs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
                }

                Optional(w, "reason", i.Reason);
                Optional(w, "measures", i.Measures);
                Optional(w, "reasonCategory", i.ReasonCategory);
                OptionalNumber(w, "deduction", i.Deduction);
                if (i.NotApplicable)
                {
                    w.WriteBoolean("notApplicable", true);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            if (actuals.Stated is { } s)
            {
                w.WriteStartObject("stated");
                OptionalNumber(w, "available", s.Available);
                OptionalNumber(w, "spent", s.Spent);
                OptionalNumber(w, "executionRate", s.ExecutionRate);
                OptionalNumber(w, "budgetScore", s.BudgetScore);
                Amounts(w, "sourceShares", s.SourceShares.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
                Amounts(w, "expenditureShares", s.ExpenditureShares.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
                Amounts(w, "completionRates", Ordered(actuals, s.CompletionRates));
                Amounts(w, "scores", Ordered(actuals, s.Scores));
                OptionalNumber(w, "totalScore", s.TotalScore);
                Optional(w, "grade", s.Grade);
                Optional(w, "conclusion", s.Conclusion);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Saves an import as <c>indicators.json</c> and <c>actuals.json</c> in a folder (created when missing), so that
    /// <c>perfeval evaluate</c> and <c>perfeval audit</c> read it as a programme folder.
    /// </summary>
    /// <param name="result">The import; it must hold a set and actuals.</param>
    /// <param name="folder">The folder.</param>
    /// <exception cref="ArgumentException">The import holds no set (its table could not be read).</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static void Save(ImportResult result, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(folder);
        if (result.IndicatorSet is not { } set || result.Actuals is not { } actuals)
        {
            throw new ArgumentException("The import holds no indicator set: its table could not be read.", nameof(result));
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "indicators.json"), IndicatorsJson(set), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, "actuals.json"), ActualsJson(actuals), new UTF8Encoding(false));
    }

    /// <summary>Figures by indicator id in the order of the indicators.</summary>
    private static IEnumerable<(string, decimal)> Ordered(ProgrammeActuals actuals, System.Collections.Immutable.ImmutableDictionary<string, decimal> figures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in actuals.Indicators)
        {
            if (figures.TryGetValue(i.Id, out var v) && seen.Add(i.Id))
            {
                yield return (i.Id, v);
            }
        }

        foreach (var (id, v) in figures.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (seen.Add(id))
            {
                yield return (id, v);
            }
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Lines(Utf8JsonWriter w, string name, IReadOnlyList<BudgetLine> lines, bool withCategory)
    {
        if (lines.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var line in lines)
        {
            w.WriteStartObject();
            w.WriteString("id", line.Id);
            w.WriteString("name", line.Name);
            if (withCategory)
            {
                w.WriteString("category", line.Category switch { SourceCategory.CarryOver => "carryOver", SourceCategory.Other => "other", _ => "appropriation" });
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Amounts(Utf8JsonWriter w, string name, IEnumerable<(string Id, decimal Value)> amounts)
    {
        var list = amounts.ToList();
        if (list.Count == 0)
        {
            return;
        }

        w.WriteStartObject(name);
        foreach (var (id, value) in list)
        {
            w.WritePropertyName(id);
            Number(w, value);
        }

        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void OptionalNumber(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WritePropertyName(name);
            Number(w, v);
        }
    }

    /// <summary>A number with the decimals it has (100.00 stays 100.00: a stated figure is compared at its own precision).</summary>
    private static void Number(Utf8JsonWriter w, decimal value) => w.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
}
