using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PerfEval.Monitoring;

namespace PerfEval.Reporting;

/// <summary>Writes the monitoring table (项目绩效运行监控表) as Markdown, CSV, HTML or JSON, like the self-evaluation table.</summary>
public static class MonitoringTableWriters
{
    /// <summary>The table as GitHub-flavoured Markdown.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The Markdown.</returns>
    public static string ToMarkdown(MonitoringTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"## {TableWriters.Md(table.Title)}").AppendLine();
        sb.AppendLine(TableWriters.Md(table.AsOfLine)).AppendLine();
        foreach (var (label, value) in table.Header)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {TableWriters.Md(label)}：{TableWriters.Md(value)}");
        }

        sb.AppendLine();
        MdRows(sb, table.BudgetColumns, [[.. table.BudgetRow]]);
        sb.AppendLine();
        MdRows(sb, table.Columns, table.Rows.Select(r => r.ToArray()));
        return sb.ToString();
    }

    private static void MdRows(StringBuilder sb, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        sb.Append("| ").AppendJoin(" | ", header.Select(TableWriters.Md)).AppendLine(" |");
        sb.Append('|').AppendJoin("|", header.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            sb.Append("| ").AppendJoin(" | ", row.Select(TableWriters.Md)).AppendLine(" |");
        }
    }

    /// <summary>The table as CSV (RFC 4180): the budget block, an empty line, then the indicator rows.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The CSV text.</returns>
    public static string ToCsv(MonitoringTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        void Line(IEnumerable<string> fields) => sb.AppendJoin(",", fields.Select(f => TableWriters.Csv(TableWriters.Text(f)))).Append("\r\n");
        Line([table.Title]);
        Line([table.AsOfLine]);
        foreach (var (label, value) in table.Header)
        {
            Line([label, value]);
        }

        Line(table.BudgetColumns);
        Line(table.BudgetRow);
        sb.Append("\r\n");
        Line(table.Columns);
        foreach (var row in table.Rows)
        {
            Line(row);
        }

        return sb.ToString();
    }

    /// <summary>The table as a standalone HTML page.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The HTML.</returns>
    public static string ToHtml(MonitoringTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        static string H(string text) => WebUtility.HtmlEncode(text);
        var span = table.Columns.Length;
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<html lang=\"{(table.Chinese ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\">");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<title>{H(table.Report.Name)} — {H(table.Title)}</title>");
        sb.AppendLine("<style>body { font-family: \"Noto Sans CJK SC\", \"Microsoft YaHei\", SimSun, sans-serif; font-size: 10pt; } h1 { font-size: 15pt; text-align: center; }");
        sb.AppendLine("table { border-collapse: collapse; width: 100%; } th, td { border: 0.5pt solid #000; padding: 2pt 4pt; } th { background: #f2f2f2; } td.num { text-align: right; white-space: nowrap; }</style></head><body>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<h1>{H(table.Title)}</h1>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<p>{H(table.AsOfLine)}</p>");
        sb.AppendLine("<table>");
        foreach (var (label, value) in table.Header)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<tr><th>{H(label)}</th><td colspan=\"{span - 1}\">{H(value)}</td></tr>");
        }

        sb.Append("<tr>").AppendJoin(string.Empty, table.BudgetColumns.Select(c => $"<th>{H(c)}</th>")).AppendLine("</tr>");
        sb.Append("<tr>").AppendJoin(string.Empty, table.BudgetRow.Select(c => $"<td class=\"num\">{H(c)}</td>")).AppendLine("</tr>");
        sb.Append("<tr>").AppendJoin(string.Empty, table.Columns.Select(c => $"<th>{H(c)}</th>")).AppendLine("</tr>");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr>");
            for (var c = 0; c < row.Length; c++)
            {
                sb.Append(c is >= MonitoringTable.FirstFigureColumn and <= MonitoringTable.LastFigureColumn ? $"<td class=\"num\">{H(row[c])}</td>" : $"<td>{H(row[c])}</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine("</table></body></html>");
        return sb.ToString();
    }

    /// <summary>The monitoring report as JSON: the point, the budget, each indicator and the findings (codes in camelCase).</summary>
    /// <param name="report">The monitoring point.</param>
    /// <returns>The JSON text, indented.</returns>
    public static string ToJson(MonitoringReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("indicatorSet", report.IndicatorSetId);
            w.WriteString("name", report.Name);
            w.WriteNumber("year", report.Year);
            if (report.AsOf is { } asOf)
            {
                w.WriteString("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            ResultJson.WriteNumber(w, "elapsed", report.Elapsed);
            w.WriteStartObject("budget");
            w.WriteString("unit", report.Budget.Unit);
            ResultJson.WriteNumber(w, "available", report.Budget.Available);
            ResultJson.WriteNumber(w, "spent", report.Budget.Spent);
            ResultJson.WriteNumber(w, "executionRate", report.Budget.ExecutionRate);
            w.WriteBoolean("behindSchedule", report.Budget.BehindSchedule);
            w.WriteEndObject();
            w.WriteStartArray("indicators");
            foreach (var i in report.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("id", i.Id);
                w.WriteString("name", i.Name);
                w.WriteString("target", i.Target.Display);
                if (i.Actual is { } a)
                {
                    w.WriteString("actual", a.Text);
                }

                ResultJson.WriteNumber(w, "progress", i.Progress);
                w.WriteString("projection", char.ToLowerInvariant(i.Projection.ToString()[0]) + i.Projection.ToString()[1..]);
                ResultJson.WriteNumber(w, "projected", i.Projected);
                ResultJson.WriteNumber(w, "projectedCompletion", i.ProjectedCompletion);
                w.WriteString("likelihood", PerformanceMonitor.LikelihoodCode(i.Likelihood));
                w.WriteBoolean("needsReason", i.NeedsReason);
                WriteOptional(w, "reasonCategory", i.ReasonCategory);
                WriteOptional(w, "reason", i.Reason);
                WriteOptional(w, "measures", i.Measures);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteFindings(w, report.Findings);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The findings as an array property <c>findings</c> of objects (code, severity, path, file, line, column, message).</summary>
    internal static void WriteFindings(Utf8JsonWriter w, IEnumerable<Diagnostics.Diagnostic> findings)
    {
        w.WriteStartArray("findings");
        foreach (var f in findings)
        {
            w.WriteStartObject();
            ResultJson.WriteFinding(w, f);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
