using System.Globalization;
using System.Net;
using System.Text;

namespace PerfEval.Reporting;

/// <summary>Writes the self-evaluation table as Markdown, CSV or a self-contained, printable HTML page.</summary>
public static class TableWriters
{
    /// <summary>The table in a text format.</summary>
    /// <param name="table">The table.</param>
    /// <param name="format">The format.</param>
    /// <returns>The text.</returns>
    public static string ToText(SelfEvaluationTable table, TableFormat format) => format switch
    {
        TableFormat.Markdown => ToMarkdown(table),
        TableFormat.Csv => ToCsv(table),
        TableFormat.Html => ToHtml(table),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a table format."),
    };

    /// <summary>
    /// Writes the table in a text format to a stream as UTF-8 (CSV with a byte-order mark) without blocking a thread
    /// (an ASP.NET Core response body, where synchronous writes are refused). The same table always gives the same bytes.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="format">The format.</param>
    /// <param name="stream">The stream; it is not closed.</param>
    /// <param name="cancellationToken">Stops the write with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the table is written.</returns>
    public static async Task WriteAsync(SelfEvaluationTable table, TableFormat format, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        var text = ToText(table, format);
        var encoding = format == TableFormat.Csv ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : new UTF8Encoding(false);
        await stream.WriteAsync(encoding.GetPreamble(), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(encoding.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The table as Markdown (GitHub tables; repeated level labels are left blank).</summary>
    /// <param name="table">The table.</param>
    /// <returns>The Markdown text.</returns>
    public static string ToMarkdown(SelfEvaluationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var l = table.Labels;
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(Md(table.Title)).AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {l.ProgrammeName} | {Md(table.ProgrammeName)} |").AppendLine("|---|---|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {l.Department} | {Md(table.Department ?? "—")} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {l.ImplementingUnit} | {Md(table.ImplementingUnit ?? "—")} |").AppendLine();

        sb.AppendLine(CultureInfo.InvariantCulture, $"## {l.Funds} ({Md(table.Unit)})").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| | {l.Initial} | {l.Available} | {l.Spent} | {l.Weight} | {l.ExecutionRate} | {l.Score} |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var f in table.Funds)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {Md(f.Label)} | {FundsCells(f).Select(c => c.Text).Aggregate((a, b) => a + " | " + b)} |");
        }

        sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {l.Goals}").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {l.Expected} | {l.Outcome} |").AppendLine("|---|---|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {Md(string.Join(" ", table.Goals.Select((g, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {g}"))))} | {Md(table.GoalsOutcome)} |").AppendLine();

        sb.AppendLine(CultureInfo.InvariantCulture, $"## {l.Indicators}").AppendLine();
        var columns = l.IndicatorColumns(table.Options);
        sb.Append("| ").Append(string.Join(" | ", columns)).AppendLine(" |");
        sb.Append('|').Append(string.Join("|", columns.Select(c => c == l.CompletionRate || c == l.Weight || c == l.Score ? "---:" : "---"))).AppendLine("|");
        string? last1 = null, last2 = null;
        foreach (var row in table.Indicators)
        {
            var cells = row.Cells(table.Options).Select(c => Md(c.Text)).ToArray();
            cells[0] = row.Level1Label == last1 ? string.Empty : cells[0];
            cells[1] = row.Level1Label == last1 && row.Level2Label == last2 ? string.Empty : cells[1];
            (last1, last2) = (row.Level1Label, row.Level2Label);
            sb.Append("| ").Append(string.Join(" | ", cells)).AppendLine(" |");
        }

        var blanks = string.Concat(Enumerable.Repeat(" |", columns.Length - 4));
        sb.AppendLine(CultureInfo.InvariantCulture, $"| **{l.Total}** |{blanks} **{Num(table.TotalWeight)}** | **{Num(table.TotalScore)}** | {l.Grade}: **{Md(table.Grade)}** |");
        return sb.ToString();
    }

    /// <summary>
    /// The table as CSV (RFC 4180, UTF-8): the header fields, the funds block, the goals and the indicator block,
    /// separated by empty lines; numbers are plain (99.57, not "99.57%") so that a spreadsheet reads them as numbers.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <returns>The CSV text.</returns>
    public static string ToCsv(SelfEvaluationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var l = table.Labels;
        var sb = new StringBuilder();
        void Line(IEnumerable<string> fields) => sb.Append(string.Join(",", fields.Select(Csv))).Append("\r\n");

        Line([table.Title]);
        Line([l.ProgrammeName, Text(table.ProgrammeName)]);
        Line([l.Department, Text(table.Department ?? string.Empty)]);
        Line([l.ImplementingUnit, Text(table.ImplementingUnit ?? string.Empty)]);
        sb.Append("\r\n");
        Line([$"{l.Funds} ({table.Unit})", l.Initial, l.Available, l.Spent, l.Weight, l.ExecutionRate, l.Score]);
        foreach (var f in table.Funds)
        {
            Line(new[] { f.Label }.Concat(FundsCells(f).Select(CsvValue)));
        }

        sb.Append("\r\n");
        Line([l.Expected, Text(string.Join(" ", table.Goals))]);
        Line([l.Outcome, table.GoalsOutcome]);
        sb.Append("\r\n");
        Line(l.IndicatorColumns(table.Options));
        foreach (var row in table.Indicators)
        {
            Line(row.Cells(table.Options).Select(CsvValue));
        }

        Line([l.Total, Num(table.TotalWeight), Num(table.TotalScore), l.Grade, Text(table.Grade)]);
        return sb.ToString();
    }

    /// <summary>
    /// The table as one self-contained HTML page (no scripts, no external files) laid out for A4 paper, with the
    /// level-1 and level-2 cells merged as in the printed form.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <returns>The HTML text.</returns>
    public static string ToHtml(SelfEvaluationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var l = table.Labels;
        var columns = l.IndicatorColumns(table.Options);
        var span = columns.Length;
        var sb = new StringBuilder();
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<html lang=\"{(table.Options.Chinese ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\">");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<title>{H(table.ProgrammeName)} — {H(table.Title)}</title>");
        sb.AppendLine("<style>");
        sb.AppendLine("@page { size: A4 landscape; margin: 12mm; }");
        sb.AppendLine("body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", SimSun, sans-serif; font-size: 10pt; color: #000; }");
        sb.AppendLine("h1 { font-size: 15pt; text-align: center; margin: 0 0 6pt; }");
        sb.AppendLine("table { border-collapse: collapse; width: 100%; table-layout: auto; }");
        sb.AppendLine("th, td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: middle; }");
        sb.AppendLine("th { background: #f2f2f2; font-weight: bold; text-align: center; }");
        sb.AppendLine("td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }");
        sb.AppendLine("td.section { font-weight: bold; text-align: center; }");
        sb.AppendLine("tr { page-break-inside: avoid; }");
        sb.AppendLine("</style></head><body>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<h1>{H(table.Title)}</h1>");
        sb.AppendLine("<table>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<tr><th>{H(l.ProgrammeName)}</th><td colspan=\"{span - 1}\">{H(table.ProgrammeName)}</td></tr>");
        var half = Math.Max(1, (span - 2) / 2);
        sb.AppendLine(CultureInfo.InvariantCulture, $"<tr><th>{H(l.Department)}</th><td colspan=\"{half}\">{H(table.Department ?? "—")}</td><th>{H(l.ImplementingUnit)}</th><td colspan=\"{span - 2 - half}\">{H(table.ImplementingUnit ?? "—")}</td></tr>");

        // Funds block: a label column spanning its rows, then seven columns spread over the remaining width.
        var fundsHeader = new[] { string.Empty, l.Initial, l.Available, l.Spent, l.Weight, l.ExecutionRate, l.Score };
        var fundsSpans = Spread(span - 1, fundsHeader.Length);
        sb.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"section\" rowspan=\"{table.Funds.Length + 1}\">{H(l.Funds)}<br>({H(table.Unit)})</td>");
        for (var c = 0; c < fundsHeader.Length; c++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th colspan=\"{fundsSpans[c]}\">{H(fundsHeader[c])}</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var f in table.Funds)
        {
            var cells = FundsCells(f).ToList();
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{fundsSpans[0]}\">{H(f.Label)}</td>");
            for (var c = 0; c < cells.Count; c++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" colspan=\"{fundsSpans[c + 1]}\">{H(cells[c].Text)}</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"<tr><td class=\"section\" rowspan=\"2\">{H(l.Goals)}</td><th colspan=\"{half}\">{H(l.Expected)}</th><th colspan=\"{span - 1 - half}\">{H(l.Outcome)}</th></tr>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<tr><td colspan=\"{half}\">{string.Join("<br>", table.Goals.Select((g, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {H(g)}")))}</td><td colspan=\"{span - 1 - half}\">{H(table.GoalsOutcome)}</td></tr>");

        sb.Append("<tr>");
        foreach (var c in columns)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>{H(c)}</th>");
        }

        sb.AppendLine("</tr>");
        var rows = table.Indicators;
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = rows[i].Cells(table.Options);
            sb.Append("<tr>");
            if (i == 0 || rows[i - 1].Level1 != rows[i].Level1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td class=\"section\" rowspan=\"{rows.Skip(i).TakeWhile(r => r.Level1 == rows[i].Level1).Count()}\">{H(cells[0].Text)}</td>");
            }

            if (i == 0 || rows[i - 1].Level1 != rows[i].Level1 || rows[i - 1].Level2 != rows[i].Level2)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td class=\"section\" rowspan=\"{rows.Skip(i).TakeWhile(r => r.Level1 == rows[i].Level1 && r.Level2 == rows[i].Level2).Count()}\">{H(cells[1].Text)}</td>");
            }

            foreach (var cell in cells.Skip(2))
            {
                sb.Append(cell.Kind == CellKind.Text ? $"<td>{H(cell.Text)}</td>" : $"<td class=\"num\">{H(cell.Text)}</td>");
            }

            sb.AppendLine("</tr>");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"<tr><th colspan=\"{span - 3}\">{H(l.Total)}</th><td class=\"num\">{Num(table.TotalWeight)}</td><td class=\"num\">{Num(table.TotalScore)}</td><td>{H(l.Grade)}{(table.Options.Chinese ? "：" : ": ")}{H(table.Grade)}</td></tr>");
        sb.AppendLine("</table>");
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    /// <summary>The six figure cells of a funds row; "—" where the national form prints a dash.</summary>
    internal static IEnumerable<TableCell> FundsCells(FundsRow f) =>
    [
        TableCell.Of(f.Initial), TableCell.Of(f.Available), TableCell.Of(f.Spent), TableCell.Of(f.Weight), TableCell.Percent(f.ExecutionRate), TableCell.Of(f.Score),
    ];

    private static int[] Spread(int width, int parts)
    {
        var spans = Enumerable.Repeat(Math.Max(1, width / parts), parts).ToArray();
        for (var i = 0; spans.Sum() < width; i = (i + 1) % parts)
        {
            spans[i]++;
        }

        return spans;
    }

    private static string Num(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string H(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Text from the documents as Markdown that shows the text and nothing else. HTML is encoded (so no tag and no
    /// <c>&lt;…&gt;</c> autolink can be written); a pipe becomes <c>&amp;#124;</c>, which no Markdown reader takes for a
    /// cell separator (a backslash escape is read differently by different readers when the text itself has a backslash
    /// before the pipe); backslashes, emphasis, code, brackets (links, images, references) and <c>#</c> are
    /// backslash-escaped, and so are <c>:</c>, <c>@</c> and the dot of <c>www.</c>, so that no GFM autolink
    /// (<c>https://…</c>, <c>javascript:…</c>, an e-mail address) appears; line breaks become <c>&lt;br&gt;</c>.
    /// </summary>
    internal static string Md(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = text[i] switch
            {
                '|' => "&#124;",
                '\r' or '\n' => "<br>",
                '\\' or '`' or '*' or '_' or '~' or '[' or ']' or '#' or ':' or '@' => "\\" + text[i],
                '.' when i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase) => "\\.",
                _ => null,
            };
            if (escape is null)
            {
                continue;
            }

            // The text before it is HTML-encoded as a whole (so that a surrogate pair stays one character).
            sb.Append(WebUtility.HtmlEncode(text.Substring(run, i - run))).Append(escape);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            run = i + 1;
        }

        return sb.Append(WebUtility.HtmlEncode(text.Substring(run))).ToString();
    }

    private static string CsvValue(TableCell cell) => cell.Number is { } n ? n.ToString("0.00", CultureInfo.InvariantCulture) : cell.Kind == CellKind.Text ? Text(cell.Text) : string.Empty;

    /// <summary>A text field that a spreadsheet would take for a formula (=, +, -, @, tab, CR) is prefixed with ' so it stays text.</summary>
    internal static string Text(string field) => field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;

    internal static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
