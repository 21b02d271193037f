using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PerfEval.Actuals;
using PerfEval.Deviations;
using PerfEval.Evaluation;
using PerfEval.Indicators;

namespace PerfEval.Reporting;

/// <summary>
/// Writes an <see cref="EvaluationResult"/> as JSON: camelCase names, numbers as JSON numbers, percentages in
/// percent. docs/result-json.md describes every field; the names are a contract.
/// </summary>
public static partial class ResultJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The result as a JSON string.</summary>
    /// <param name="result">The result.</param>
    /// <param name="indented">True for one value per line.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(EvaluationResult result, bool indented = true)
    {
        using var buffer = new MemoryStream();
        Write(result, buffer, indented);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the result as UTF-8 JSON to a stream.</summary>
    /// <param name="result">The result.</param>
    /// <param name="utf8Json">The stream; it is not closed.</param>
    /// <param name="indented">True for one value per line.</param>
    public static void Write(EvaluationResult result, Stream utf8Json, bool indented = true)
    {
        using var writer = new Utf8JsonWriter(utf8Json, indented ? Indented : Compact);
        Write(result, writer);
    }

    /// <summary>
    /// Writes the result as UTF-8 JSON to a stream without blocking a thread (an ASP.NET Core response body, where
    /// synchronous writes are refused): the JSON is made in memory, then written with <paramref name="cancellationToken"/>.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="utf8Json">The stream; it is not closed.</param>
    /// <param name="indented">True for one value per line.</param>
    /// <param name="cancellationToken">Stops the write with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the JSON is written.</returns>
    public static async Task WriteAsync(EvaluationResult result, Stream utf8Json, bool indented = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        Write(result, buffer, indented);
        await utf8Json.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        await utf8Json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the result as one JSON object.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer.</param>
    public static void Write(EvaluationResult result, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("indicatorSet", result.IndicatorSetId);
        writer.WriteString("name", result.Name);
        writer.WriteNumber("year", result.Year);
        WriteOptional(writer, "department", result.Department);
        WriteOptional(writer, "implementingUnit", result.ImplementingUnit);
        writer.WriteStartArray("goals");
        foreach (var goal in result.Goals)
        {
            writer.WriteStringValue(goal);
        }

        writer.WriteEndArray();
        writer.WriteString("policy", result.Policy);

        var b = result.Budget;
        writer.WriteStartObject("budget");
        writer.WriteString("unit", b.Unit);
        WriteNumber(writer, "initial", b.Initial);
        WriteNumber(writer, "available", b.Available);
        WriteNumber(writer, "spent", b.Spent);
        WriteNumber(writer, "executionRate", b.ExecutionRate);
        WriteNumber(writer, "weight", b.Weight);
        WriteNumber(writer, "score", b.Score);
        WriteLines(writer, "sources", b.Sources);
        WriteLines(writer, "expenditures", b.Expenditures);
        WriteDeviation(writer, b.Deviation);
        writer.WriteEndObject();

        writer.WriteStartArray("indicators");
        foreach (var i in result.Indicators)
        {
            writer.WriteStartObject();
            writer.WriteString("id", i.Id);
            writer.WriteString("name", i.Name);
            WriteOptional(writer, "program", i.Program);
            writer.WriteString("level1", IndicatorLevels.Code(i.Level1));
            writer.WriteString("level2", IndicatorLevels.Code(i.Level2));
            writer.WriteString("target", i.Target.Display);
            writer.WriteString("comparison", ComparisonCode(i.Target.Comparison));
            writer.WriteBoolean("comparisonInferred", i.Target.ComparisonInferred);
            WriteOptional(writer, "unit", i.Unit);
            WriteOptional(writer, "actual", i.Actual?.Text);
            WriteNumber(writer, "actualValue", i.ActualNumber);
            WriteNumber(writer, "completionRate", i.CompletionRate);
            writer.WriteString("status", StatusCode(i.Status));
            if (i.Grade is { } g)
            {
                writer.WriteString("grade", GradeCode(g));
                writer.WriteBoolean("gradeInferred", i.GradeInferred);
            }

            WriteNumber(writer, "weight", i.Weight);
            writer.WriteBoolean("weightFilled", i.WeightFilled);
            WriteNumber(writer, "score", i.Score);
            WriteNumber(writer, "deduction", i.Deduction);
            WriteDeviation(writer, i.Deviation);
            WriteOptional(writer, "reason", i.Reason);
            WriteOptional(writer, "measures", i.Measures);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteNumber(writer, "totalWeight", result.TotalWeight);
        WriteNumber(writer, "totalScore", result.TotalScore);
        writer.WriteString("grade", result.Grade.Label);
        writer.WriteString("gradeCode", result.Grade.Code);
        writer.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            writer.WriteStartObject();
            WriteFinding(writer, f);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The JSON code of a status: <c>met</c>, <c>partiallyMet</c>, <c>notMet</c>, <c>notApplicable</c>, <c>missing</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The code.</returns>
    public static string StatusCode(IndicatorStatus status) => Code(status);

    /// <summary>The JSON code of a comparison: <c>atLeast</c>, <c>atMost</c>, <c>equal</c>, <c>range</c>, <c>deadline</c>, <c>qualitative</c>…</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The code.</returns>
    public static string ComparisonCode(Comparison comparison) => Code(comparison);

    /// <summary>The JSON code of a qualitative grade: <c>achieved</c>, <c>partial</c>, <c>notAchieved</c>.</summary>
    /// <param name="grade">The grade.</param>
    /// <returns>The code.</returns>
    public static string GradeCode(QualitativeGrade grade) => Code(grade);

    /// <summary>Writes <c>deviation</c>, <c>explanationRequired</c>, <c>explanationTriggers</c> and <c>reasons</c>.</summary>
    private static void WriteDeviation(Utf8JsonWriter writer, Deviation d)
    {
        writer.WriteStartObject("deviation");
        writer.WriteString("direction", Code(d.Direction));
        WriteNumber(writer, "absolute", d.Absolute);
        WriteNumber(writer, "relative", d.Relative);
        writer.WriteEndObject();
        writer.WriteBoolean("explanationRequired", d.ExplanationRequired);
        writer.WriteStartArray("explanationTriggers");
        foreach (var t in d.Triggers)
        {
            writer.WriteStringValue(Code(t));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("reasons");
        foreach (var r in d.Reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("category", r.Category);
            writer.WriteString("categoryLabel", r.CategoryLabel);
            writer.WriteString("text", r.Text);
            WriteOptional(writer, "measures", r.Measures);
            writer.WriteString("source", Code(r.Source));
            WriteOptional(writer, "rule", r.RuleId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A finding's fields: code, severity, path, file, line, column and message (inside an object the caller opens).</summary>
    internal static void WriteFinding(Utf8JsonWriter writer, Diagnostics.Diagnostic f)
    {
        writer.WriteString("code", f.Code);
        writer.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        writer.WriteString("path", f.Path);
        if (f.Location is { } l)
        {
            WriteOptional(writer, "file", l.Source);
            writer.WriteNumber("line", l.Line);
            writer.WriteNumber("column", l.Column);
        }

        writer.WriteString("message", f.Message);
    }

    internal static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>An enum value's JSON code (its name in camelCase), made once per value.</summary>
    private static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Codes<TEnum>.ByValue.TryGetValue(value, out var code) ? code : CamelCase(value.ToString());

    private static class Codes<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().Distinct().ToDictionary(v => v, v => CamelCase(v.ToString()));
    }

    private static void WriteLines(Utf8JsonWriter writer, string name, IEnumerable<BudgetLineResult> lines)
    {
        writer.WriteStartArray(name);
        foreach (var l in lines)
        {
            writer.WriteStartObject();
            writer.WriteString("id", l.Id);
            writer.WriteString("name", l.Name);
            if (l.Category is { } c)
            {
                writer.WriteString("category", Code(c));
            }

            WriteNumber(writer, "amount", l.Amount);
            WriteNumber(writer, "share", l.Share);

            // A source's row of the national form, written only when the actuals give it (files with amounts alone keep their JSON).
            WriteIfGiven(writer, "initial", l.Initial);
            WriteIfGiven(writer, "spent", l.Spent);
            if (l.Spent is not null)
            {
                WriteNumber(writer, "executionRate", l.ExecutionRate);
            }
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteIfGiven(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is not null)
        {
            WriteNumber(writer, name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>
    /// The same value with the smallest scale that keeps it exact (10.00 → 10, 1.50 → 1.5), as dividing by
    /// 1.0000000000000000000000000000m gives, without a decimal division: the digits are divided by ten while they end in 0.
    /// </summary>
    internal static decimal WithoutTrailingZeros(decimal value)
    {
        var scale = value.Scale;
        if (scale == 0)
        {
            return value;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var digits = unchecked(new UInt128((uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]));
        while (scale > 0)
        {
            var tenth = digits / 10;
            if (tenth * 10 != digits)
            {
                break;
            }

            digits = tenth;
            scale--;
        }

        // The bits of the 96-bit digits, word by word (unchecked: these casts cut on purpose).
        return unchecked(new decimal((int)(uint)digits, (int)(uint)(digits >> 32), (int)(uint)(digits >> 64), bits[3] < 0, scale));
    }

    internal static void WriteNumber(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            // Without trailing zeros, so that equal figures look alike: 10 rather than 10.00 or 10.0.
            writer.WriteNumber(name, WithoutTrailingZeros(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
