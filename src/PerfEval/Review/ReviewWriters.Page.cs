using System.Globalization;
using System.Text;
using PerfEval.Diagnostics;

namespace PerfEval.Review;

/// <summary>The page frame, the charts and the sorting script of the review's pages.</summary>
public static partial class ReviewWriters
{
    private const int ChartWidth = 520;
    private const int LabelWidth = 190;
    private const int BarHeight = 22;

    /// <summary>Sorts the submissions table by a column: numbers by their data-value, texts as the reader's language orders them; ties keep the review's order.</summary>
    private const string Script = """
        <script>
        (function () {
          var table = document.getElementById('submissions');
          var body = table.tBodies[0];
          var heads = table.tHead.rows[0].cells;
          function key(row, c, numeric) {
            var cell = row.cells[c];
            var v = cell.getAttribute('data-value');
            if (v === null) { v = cell.textContent; }
            return numeric ? (v === '' ? -Infinity : parseFloat(v)) : v;
          }
          function sort(c, dir) {
            var numeric = heads[c].getAttribute('data-type') === 'number';
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a, c, numeric), y = key(b, c, numeric);
              var r = numeric ? (x === y ? 0 : (x < y ? -1 : 1)) : x.localeCompare(y, document.documentElement.lang);
              return r !== 0 ? dir * r : a.getAttribute('data-index') - b.getAttribute('data-index');
            });
            rows.forEach(function (r) { body.appendChild(r); });
            for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute('aria-sort'); }
            heads[c].setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
          }
          Array.prototype.forEach.call(heads, function (h, c) {
            if (h.getAttribute('data-type') === null) { return; }
            function toggle() { sort(c, h.getAttribute('aria-sort') === 'ascending' ? -1 : 1); }
            h.addEventListener('click', toggle);
            h.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } });
          });
          var m = /^#sort=(\d+)-(asc|desc)$/.exec(location.hash);
          if (m && +m[1] < heads.length && heads[+m[1]].getAttribute('data-type') !== null) { sort(+m[1], m[2] === 'asc' ? 1 : -1); }
        })();
        </script>
        """;

    /// <summary>One bar of a chart: its label, its length and the figure written after it.</summary>
    private readonly record struct Bar(string Label, decimal Value, string Text);

    private static void Head(StringBuilder sb, string title, CultureInfo? culture, bool script)
    {
        var chinese = Messages.IsChineseCulture(culture ?? CultureInfo.CurrentUICulture);
        sb.AppendLine("<!DOCTYPE html>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<html lang=\"{(chinese ? "zh-CN" : "en")}\"><head><meta charset=\"utf-8\">");

        // Nothing outside the page may be loaded: no font, image, style sheet, script or connection.
        var scripts = script ? "'unsafe-inline'" : "'none'";
        sb.AppendLine(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src {scripts}; img-src data:\">");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<title>{H(title)}</title>");
        sb.AppendLine("<style>");
        sb.AppendLine("@page { size: A4; margin: 12mm; }");
        sb.AppendLine("body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", SimSun, sans-serif; font-size: 10pt; color: #000; margin: 12pt; }");
        sb.AppendLine("h1 { font-size: 15pt; margin: 0 0 6pt; } h2 { font-size: 12pt; margin: 12pt 0 4pt; }");
        sb.AppendLine("table { border-collapse: collapse; width: 100%; margin-top: 6pt; }");
        sb.AppendLine("th, td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; }");
        sb.AppendLine("th { background: #f2f2f2; text-align: center; } th[data-type] { cursor: pointer; }");
        sb.AppendLine("th[aria-sort=ascending]::after { content: \" ▲\"; } th[aria-sort=descending]::after { content: \" ▼\"; }");
        sb.AppendLine("td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }");
        sb.AppendLine("tr.errors td:first-child, tr.error td:first-child, tr.disagrees td:first-child { border-left: 3pt solid #c00; }");
        sb.AppendLine("tr.warnings td:first-child, tr.warning td:first-child { border-left: 3pt solid #e90; }");
        sb.AppendLine(".charts { display: flex; flex-wrap: wrap; gap: 8pt; } figure { margin: 0; break-inside: avoid; } figcaption { font-weight: bold; margin-bottom: 2pt; }");
        sb.AppendLine("svg text { font-size: 11px; fill: #000; } svg rect.bar { fill: #4a78b0; } svg line.mark { stroke: #c00; stroke-dasharray: 3 2; }");
        sb.AppendLine("tr { page-break-inside: avoid; }");
        sb.AppendLine("@media print { .hint { display: none; } a { color: inherit; text-decoration: none; } th[aria-sort]::after { content: none; } }");
        sb.AppendLine("</style></head><body>");
    }

    /// <summary>A horizontal bar chart as inline SVG; <paramref name="mark"/> draws a dashed line at that value (100 % for rates), 0 for none.</summary>
    private static void Chart(StringBuilder sb, string id, string title, IReadOnlyList<Bar> bars, decimal mark)
    {
        var height = Math.Max(1, bars.Count) * BarHeight + 4;
        var room = ChartWidth - LabelWidth - 110;
        var max = Math.Max(mark, bars.Count == 0 ? 0m : bars.Max(b => b.Value));
        sb.AppendLine(CultureInfo.InvariantCulture, $"<figure id=\"chart-{id}\"><figcaption>{H(title)}</figcaption>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{height}\" viewBox=\"0 0 {ChartWidth} {height}\" role=\"img\" aria-label=\"{H(title)}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * BarHeight;
            var width = max > 0 ? (int)Math.Round(bar.Value / max * room, MidpointRounding.AwayFromZero) : 0;
            sb.AppendLine(CultureInfo.InvariantCulture, $"<g class=\"bar\" data-label=\"{H(bar.Label)}\" data-value=\"{bar.Value.ToString(CultureInfo.InvariantCulture)}\"><text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{H(bar.Label)}</text>"
                + $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{width}\" height=\"{BarHeight - 6}\"/><text x=\"{LabelWidth + width + 4}\" y=\"{y + 15}\">{H(bar.Text)}</text></g>");
        }

        if (mark > 0 && max > 0)
        {
            var x = LabelWidth + (int)Math.Round(mark / max * room, MidpointRounding.AwayFromZero);
            sb.AppendLine(CultureInfo.InvariantCulture, $"<line class=\"mark\" x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{height}\"/>");
        }

        sb.AppendLine("</svg></figure>");
    }
}
