using System.Globalization;
using PerfEval.Evaluation;
using PerfEval.Excel;
using PerfEval.Reporting;

namespace PerfEval.WebSample;

/// <summary>What the two endpoints share: the language asked for, the problems' JSON and the result in a format.</summary>
internal static class Requests
{
    public static CultureInfo Culture(string? lang) => CultureInfo.GetCultureInfo(lang == "en" ? "en" : "zh-CN");

    public static object Problems(IEnumerable<PerfEval.Diagnostics.Diagnostic> diagnostics) => new
    {
        errors = diagnostics.Select(d => new { code = d.Code, severity = d.Severity.ToString(), path = d.Path, line = d.Location?.Line, column = d.Location?.Column, message = d.Message }),
    };

    /// <summary>The result as JSON or as the self-evaluation table, each written to the response without blocking.</summary>
    public static IResult Render(EvaluationResult result, string? format, CultureInfo culture)
    {
        var table = SelfEvaluationTable.From(result, new TableOptions { Chinese = culture.TwoLetterISOLanguageName == "zh" });
        return format switch
        {
            null or "json" => new StreamResult("application/json; charset=utf-8", (s, c) => ResultJson.WriteAsync(result, s, indented: true, c)),
            "xlsx" => new StreamResult("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (s, c) => ExcelTableWriter.WriteAsync(table, s, c)),
            "md" => new StreamResult("text/markdown; charset=utf-8", (s, c) => TableWriters.WriteAsync(table, TableFormat.Markdown, s, c)),
            "csv" => new StreamResult("text/csv; charset=utf-8", (s, c) => TableWriters.WriteAsync(table, TableFormat.Csv, s, c)),
            "html" => new StreamResult("text/html; charset=utf-8", (s, c) => TableWriters.WriteAsync(table, TableFormat.Html, s, c)),
            _ => Results.Problem($"Unknown format '{format}': json, xlsx, md, csv or html.", statusCode: StatusCodes.Status400BadRequest),
        };
    }
}
