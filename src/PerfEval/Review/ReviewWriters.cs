using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using PerfEval.Diagnostics;
using PerfEval.Reporting;

namespace PerfEval.Review;

/// <summary>
/// Writes a review: the summary page (self-contained HTML with inline SVG charts and a sortable table of the
/// submissions), each submission's table and audit page, and the findings as CSV.
/// </summary>
public static partial class ReviewWriters
{
    /// <summary>The summary page's file name.</summary>
    public const string SummaryPage = "index.html";

    /// <summary>The folder, beside the summary page, of the submissions' own pages.</summary>
    public const string PagesFolder = "submissions";

    private static readonly string[] FindingColumnKeys = ["submission", "code", "severity", "path", "stated", "recomputed", "message"];

    /// <summary>The relative path of a submission's 自评表 page.</summary>
    /// <param name="index">The submission's position in the review, from 0.</param>
    /// <returns>The path relative to the summary page, such as <c>submissions/0001-table.html</c>.</returns>
    public static string TablePage(int index) => string.Create(CultureInfo.InvariantCulture, $"{PagesFolder}/{index + 1:D4}-table.html");

    /// <summary>The relative path of a submission's audit page.</summary>
    /// <param name="index">The submission's position in the review, from 0.</param>
    /// <returns>The path relative to the summary page, such as <c>submissions/0001-audit.html</c>.</returns>
    public static string AuditPage(int index) => string.Create(CultureInfo.InvariantCulture, $"{PagesFolder}/{index + 1:D4}-audit.html");

    /// <summary>The headings of the findings' columns: submission, code, severity, path, stated, recomputed, message.</summary>
    /// <param name="culture">The language; the current UI culture when null.</param>
    /// <returns>The seven headings.</returns>
    public static ImmutableArray<string> FindingColumns(CultureInfo? culture = null) =>
        [.. FindingColumnKeys.Select(c => T("review.column." + c, culture))];

    /// <summary>A severity as the review writes it (错误, warning…).</summary>
    /// <param name="severity">The severity.</param>
    /// <param name="culture">The language; the current UI culture when null.</param>
    /// <returns>The word.</returns>
    public static string SeverityLabel(DiagnosticSeverity severity, CultureInfo? culture = null) =>
        T("review.severity." + severity.ToString().ToLowerInvariant(), culture);

    /// <summary>
    /// The findings as CSV (RFC 4180, UTF-8, a header row, one row per finding), for a reviewer to filter in a
    /// spreadsheet; a text that a spreadsheet would take for a formula is prefixed with '.
    /// </summary>
    /// <param name="findings">The rows, from <see cref="ReviewFinding.Of"/>.</param>
    /// <param name="culture">The language of the headings and severities; the current UI culture when null.</param>
    /// <returns>The CSV text.</returns>
    public static string FindingsCsv(IEnumerable<ReviewFinding> findings, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var sb = new StringBuilder();
        void Line(IEnumerable<string> fields) => sb.Append(string.Join(",", fields.Select(f => TableWriters.Csv(TableWriters.Text(f))))).Append("\r\n");
        Line(FindingColumns(culture));
        foreach (var f in findings)
        {
            Line([f.Submission, f.Code, SeverityLabel(f.Severity, culture), f.Path, f.Stated ?? string.Empty, f.Recomputed ?? string.Empty, f.Message]);
        }

        return sb.ToString();
    }

    /// <summary>A submission's 自评表 as an HTML page (<see cref="TableWriters.ToHtml"/>); null when it could not be read.</summary>
    /// <param name="review">The review of the submission.</param>
    /// <param name="culture">The language of the table; the current UI culture when null.</param>
    /// <returns>The page, or null.</returns>
    public static string? TableHtml(SubmissionReview review, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Audit is { } audit
            ? TableWriters.ToHtml(SelfEvaluationTable.From(audit.Evaluation, new TableOptions { Chinese = Messages.IsChineseCulture(culture ?? CultureInfo.CurrentUICulture) }))
            : null;
    }

    /// <summary>
    /// A submission's audit as an HTML page (self-contained, printable): each stated figure next to its
    /// recomputation, and every finding; it links back to the summary page.
    /// </summary>
    /// <param name="review">The review of the submission.</param>
    /// <param name="culture">The language; the current UI culture when null.</param>
    /// <returns>The page.</returns>
    public static string AuditHtml(SubmissionReview review, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(review);
        var sb = new StringBuilder();
        var name = review.Audit?.Evaluation.Name ?? review.Submission.Name;
        Head(sb, $"{name} — {T("review.link.audit", culture)}", culture, script: false);
        sb.AppendLine(CultureInfo.InvariantCulture, $"<p><a href=\"../{SummaryPage}\">{H(T("review.back", culture))}</a></p>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<h1>{H(name)}</h1>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"source\">{H(review.Submission.Name)}</p>");
        if (review.Audit is { Comparisons.Length: > 0 } audit)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<h2>{H(T("review.comparisons", culture))}</h2>");
            sb.AppendLine("<table class=\"comparisons\">");
            sb.AppendLine(CultureInfo.InvariantCulture, $"<tr><th>{H(T("review.column.figure", culture))}</th><th>{H(T("review.column.stated", culture))}</th><th>{H(T("review.column.recomputed", culture))}</th><th>{H(T("review.column.result", culture))}</th></tr>");
            foreach (var c in audit.Comparisons)
            {
                var verdict = c.Agrees ? T("review.agrees", culture) : T("review.disagrees", culture);
                sb.AppendLine(CultureInfo.InvariantCulture, $"<tr class=\"{(c.Agrees ? "agrees" : "disagrees")}\"><td>{H(c.Label)}</td><td class=\"num\">{H(c.Stated)}</td><td class=\"num\">{H(c.Recomputed)}</td><td>{H(verdict)}</td></tr>");
            }

            sb.AppendLine("</table>");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"<h2>{H(T("review.findings", culture))}</h2>");
        FindingsTable(sb, ReviewFinding.Of(review).ToList(), culture);
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    /// <summary>
    /// The summary page: one self-contained HTML document (no external resource of any kind; a content security policy
    /// forbids loading one) that prints on A4, with four charts drawn as inline SVG (grades, execution rates, completion
    /// by kind of indicator, findings by code) and a table of the submissions that sorts when a heading is clicked, or
    /// on opening when the address ends in <c>#sort=column-asc</c> or <c>#sort=column-desc</c> (columns from 0). Each
    /// row links to the submission's table and audit pages (<see cref="TablePage"/>, <see cref="AuditPage"/>).
    /// </summary>
    /// <param name="summary">The summary of the reviews.</param>
    /// <param name="reviews">The reviews, in order.</param>
    /// <param name="culture">The language; the current UI culture when null.</param>
    /// <returns>The page.</returns>
    public static string SummaryHtml(PortfolioSummary summary, IReadOnlyList<SubmissionReview> reviews, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reviews);
        var sb = new StringBuilder();
        var title = T("review.title", culture);
        Head(sb, title, culture, script: true);
        sb.AppendLine(CultureInfo.InvariantCulture, $"<h1>{H(title)}</h1>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"overview\">{H(Format("review.overview", culture, ("count", summary.Submissions), ("errors", summary.WithErrors), ("warnings", summary.WithWarningsOnly), ("unread", summary.Unread)))}</p>");
        sb.AppendLine("<div class=\"charts\">");
        Chart(sb, "grades", T("review.chart.grades", culture), [.. summary.Grades.Select(g => new Bar(g.Label, g.Count, Count(g.Count)))], 0m);
        Chart(sb, "execution", T("review.chart.execution", culture), [.. summary.ExecutionRates.Select(g => new Bar(g.Label, g.Count, Count(g.Count)))], 0m);
        Chart(sb, "completion", T("review.chart.completion", culture), [.. summary.CompletionByKind.Select(k => new Bar(k.Label, k.AverageCompletionRate ?? 0m, string.Create(CultureInfo.InvariantCulture, $"{(k.AverageCompletionRate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—")} ({k.Met}/{k.Indicators})")))], 100m);
        Chart(sb, "findings", T("review.chart.findings", culture), [.. summary.FindingsByCode.Select(g => new Bar(g.Label, g.Count, Count(g.Count)))], 0m);
        sb.AppendLine("</div>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"hint\">{H(T("review.sortHint", culture))}</p>");
        SubmissionsTable(sb, reviews, culture);
        sb.AppendLine(Script);
        sb.AppendLine("</body></html>");
        return sb.ToString();
    }

    private static void SubmissionsTable(StringBuilder sb, IReadOnlyList<SubmissionReview> reviews, CultureInfo? culture)
    {
        sb.AppendLine("<table id=\"submissions\"><thead><tr>");
        foreach (var (key, type) in new[] { ("submission", "text"), ("name", "text"), ("total", "number"), ("grade", "number"), ("execution", "number"), ("errors", "number"), ("warnings", "number"), ("pages", null) })
        {
            var sortable = type is null ? string.Empty : $" data-type=\"{type}\" tabindex=\"0\"";
            sb.AppendLine(CultureInfo.InvariantCulture, $"<th{sortable}>{H(T("review.column." + key, culture))}</th>");
        }

        sb.AppendLine("</tr></thead><tbody>");
        foreach (var r in reviews)
        {
            var e = r.Audit?.Evaluation;
            var notRead = T("review.notRead", culture);
            sb.Append(CultureInfo.InvariantCulture, $"<tr data-index=\"{r.Index}\" class=\"{(r.HasErrors ? "errors" : r.Warnings > 0 ? "warnings" : "clean")}\">");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{H(r.Submission.Name)}</td><td>{H(e?.Name ?? notRead)}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-value=\"{(e is null ? string.Empty : Num(e.TotalScore))}\">{(e is null ? "—" : Num(e.TotalScore))}</td>");
            var grade = e is null ? string.Empty : Messages.IsChineseCulture(culture ?? CultureInfo.CurrentUICulture) ? e.Grade.Label : e.Grade.EnglishLabel;
            sb.Append(CultureInfo.InvariantCulture, $"<td data-value=\"{(e is null ? string.Empty : Num(e.Grade.MinimumScore))}\">{H(e is null ? "—" : grade)}</td>");
            var rate = e?.Budget.ExecutionRate;
            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-value=\"{(rate is { } x ? Num(x) : string.Empty)}\">{(rate is { } y ? Num(y) + "%" : "—")}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{r.Errors}</td><td class=\"num\">{r.Warnings}</td><td>");
            if (e is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<a href=\"{TablePage(r.Index)}\">{H(T("review.link.table", culture))}</a> · ");
            }

            sb.AppendLine(CultureInfo.InvariantCulture, $"<a href=\"{AuditPage(r.Index)}\">{H(T("review.link.audit", culture))}</a></td></tr>");
        }

        sb.AppendLine("</tbody></table>");
    }

    private static void FindingsTable(StringBuilder sb, List<ReviewFinding> findings, CultureInfo? culture)
    {
        if (findings.Count == 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<p>{H(T("review.none", culture))}</p>");
            return;
        }

        var columns = FindingColumns(culture);
        sb.AppendLine("<table class=\"findings\"><tr>");
        foreach (var c in columns.Skip(1))
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>{H(c)}</th>");
        }

        sb.AppendLine("</tr>");
        foreach (var f in findings)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<tr class=\"{f.Severity.ToString().ToLowerInvariant()}\"><td>{H(f.Code)}</td><td>{H(SeverityLabel(f.Severity, culture))}</td><td>{H(f.Path)}</td><td class=\"num\">{H(f.Stated ?? string.Empty)}</td><td class=\"num\">{H(f.Recomputed ?? string.Empty)}</td><td>{H(f.Message)}</td></tr>");
        }

        sb.AppendLine("</table>");
    }

    private static string T(string key, CultureInfo? culture) => MessageCatalog.Default.Text(MessageText.Of(key), culture ?? CultureInfo.CurrentUICulture);

    private static string Format(string key, CultureInfo? culture, params (string Name, object? Value)[] arguments) =>
        MessageCatalog.Default.Text(MessageText.Of(key, arguments), culture ?? CultureInfo.CurrentUICulture);

    private static string H(string text) => WebUtility.HtmlEncode(text);

    private static string Num(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
