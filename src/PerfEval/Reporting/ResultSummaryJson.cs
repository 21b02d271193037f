using System.Collections.Immutable;
using System.Text.Json;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;

namespace PerfEval.Reporting;

/// <summary>
/// Writes the summary of one programme's evaluation as one compact JSON object, for large batches
/// (<c>perfeval evaluate --format jsonl --detail summary</c>): where it came from, total score, grade, execution
/// rate, the number of indicators in each status, and the codes of its findings. Every field is always present
/// (null when the programme could not be read); the figures are those of <see cref="ResultJson"/>, written the
/// same way. docs/result-json.md describes the fields; the names are a contract.
/// </summary>
public static class ResultSummaryJson
{
    private static readonly IndicatorStatus[] Statuses = Enum.GetValues<IndicatorStatus>();
    private static readonly JsonEncodedText[] StatusNames = [.. Statuses.Select(s => JsonEncodedText.Encode(ResultJson.StatusCode(s)))];

    /// <summary>Writes the summary of a result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">The writer; flushed at the end.</param>
    /// <param name="source">Where the programme came from (a file, a line of a JSON Lines file); <c>null</c> in the JSON when not given.</param>
    public static void Write(EvaluationResult result, Utf8JsonWriter writer, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        Write(result, result.Findings, source, writer);
    }

    /// <summary>Writes the summary of a programme that may have no result (its documents could not be read): nulls and the codes of <paramref name="findings"/>.</summary>
    /// <param name="result">The result; null when there is none.</param>
    /// <param name="findings">The findings to count and list: the result's, or the reading's when there is no result.</param>
    /// <param name="source">Where the programme came from; omitted when null.</param>
    /// <param name="writer">The writer.</param>
    internal static void Write(EvaluationResult? result, ImmutableArray<Diagnostic> findings, string? source, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteOptional(writer, "source", source);
        WriteOptional(writer, "indicatorSet", result?.IndicatorSetId);
        WriteOptional(writer, "name", result?.Name);
        if (result is null)
        {
            writer.WriteNull("year");
        }
        else
        {
            writer.WriteNumber("year", result.Year);
        }

        ResultJson.WriteNumber(writer, "totalScore", result?.TotalScore);
        WriteOptional(writer, "grade", result?.Grade.Label);
        WriteOptional(writer, "gradeCode", result?.Grade.Code);
        ResultJson.WriteNumber(writer, "executionRate", result?.Budget.ExecutionRate);
        if (result is null)
        {
            writer.WriteNull("statuses");
        }
        else
        {
            Span<int> counts = stackalloc int[Statuses.Length];
            foreach (var indicator in result.Indicators)
            {
                counts[(int)indicator.Status]++;
            }

            writer.WriteStartObject("statuses");
            for (var s = 0; s < Statuses.Length; s++)
            {
                writer.WriteNumber(StatusNames[s], counts[(int)Statuses[s]]);
            }

            writer.WriteEndObject();
        }

        int errors = 0, warnings = 0;
        foreach (var f in findings.IsDefault ? [] : findings)
        {
            errors += f.Severity == DiagnosticSeverity.Error ? 1 : 0;
            warnings += f.Severity == DiagnosticSeverity.Warning ? 1 : 0;
        }

        writer.WriteNumber("errors", errors);
        writer.WriteNumber("warnings", warnings);
        writer.WriteStartArray("codes");
        foreach (var f in findings.IsDefault ? [] : findings)
        {
            writer.WriteStringValue(f.Code);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
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
}
