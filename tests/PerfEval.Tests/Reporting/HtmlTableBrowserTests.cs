using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;
using Xunit.Abstractions;

namespace PerfEval.Tests.Reporting;

/// <summary>
/// The seed's HTML self-evaluation table as a browser shows and prints it: headless Chromium parses and lays out the
/// page, the rendered DOM must hold every figure and merged cell of the form, and printing gives a short A4 PDF.
/// </summary>
public sealed class HtmlTableBrowserTests : IClassFixture<HtmlTableBrowserTests.Rendering>
{
    private const int Columns = 9;

    private readonly Rendering _rendering;
    private readonly ITestOutputHelper _output;

    public HtmlTableBrowserTests(Rendering rendering, ITestOutputHelper output)
    {
        _rendering = rendering;
        _output = output;
    }

    private RenderedTable Rendered => _rendering.Result;

    [BrowserFact]
    public void The_rendered_table_is_a_rectangle_of_nine_columns()
    {
        Rendered.Grid.Should().NotBeEmpty();
        Rendered.Grid.Select(row => row.Length).Should().OnlyContain(
            width => width == Columns,
            "every row, with the cells merged into it from above, fills the nine columns of the default layout");
        Rendered.Grid.SelectMany(r => r).Should().NotContain(c => c.Tag == "none", "no slot is left empty between cells");
        Rendered.DanglingRowSpans.Should().Be(0, "no merged cell reaches below the last row");
    }

    [BrowserFact]
    public void The_funds_block_shows_the_budget_figures()
    {
        Rendered.Row("年度资金总额").Select(c => c.Text).Distinct().Should().Equal(
            "项目资金\n(万元)", "年度资金总额", "—", "3877.67", "3861.14", "10.00", "99.57%", "9.96");
        Rendered.Row("其中：当年财政拨款").Select(c => c.Text).Should().Contain("2319.59");
        Rendered.Row("上年结转资金").Select(c => c.Text).Should().Contain("1558.08");
        Rendered.Cells.Should().Contain(c => c.Text == "项目资金\n(万元)" && c.RowSpan == 5);
    }

    [BrowserFact]
    public void The_rendered_dom_holds_every_figure_of_the_report()
    {
        var texts = Rendered.Cells.Select(c => c.Text).ToList();

        texts.Should().Contain(["3877.67", "3861.14", "99.57%", "9.96", "120.91%", "40.71%", "95.26%", "95.23", "100.00"]);
        texts.Should().Contain("自评等级：优");
        Rendered.Row("总分").Select(c => c.Text).Distinct().Should().Equal("总分", "100.00", "95.23", "自评等级：优");
        Rendered.Heading.Should().Be("项目支出绩效自评表（2025年度）");
    }

    [BrowserFact]
    public void Every_indicator_is_a_row_whose_cells_match_the_model_with_the_levels_merged()
    {
        var table = _rendering.Table;
        var header = Rendered.Grid.FindIndex(r => r.Length > 2 && r[2].Text == "三级指标");
        header.Should().BeGreaterThan(0, "the indicator block has its header row");
        var rows = Rendered.Grid.Skip(header + 1).Take(table.Indicators.Length).ToList();

        rows.Should().HaveCount(47);
        for (var i = 0; i < table.Indicators.Length; i++)
        {
            var indicator = table.Indicators[i];
            rows[i].Select(c => c.Text).Should().Equal(
                indicator.Cells(table.Options).Select(c => c.Text),
                "row {0} is {1} ({2}), with its level-1 and level-2 cells merged in from above", i + 1, indicator.Name, indicator.Id);
        }

        Rendered.Grid[header + 1 + table.Indicators.Length][0].Text.Should().Be("总分", "the total row follows the indicators");
        _rendering.Names.Should().HaveCount(47).And.OnlyContain(name => Rendered.Cells.Any(c => c.Tag == "td" && c.Text == name));
    }

    [BrowserFact]
    public void The_level_cells_are_merged_over_their_groups()
    {
        Rendered.Cells.Should().ContainSingle(c => c.Tag == "td" && c.RowSpan == 28 && c.Text == "产出指标");
        Rendered.Cells.Should().ContainSingle(c => c.Tag == "td" && c.RowSpan == 14 && c.Text == "效益指标");
        Rendered.Cells.Should().ContainSingle(c => c.Tag == "td" && c.RowSpan == 5 && c.Text == "满意度指标");
        Rendered.Dom.Should().MatchRegex("<td[^>]*rowspan=\"28\"[^>]*>产出指标</td>");

        var groups = _rendering.Table.Indicators.GroupBy(i => (i.Level1, i.Level2)).ToList();
        var level2Cells = Rendered.Cells.Where(c => groups.Any(g => g.First().Level2Label == c.Text)).ToList();
        level2Cells.Select(c => (c.Text, c.RowSpan)).Should().Equal(groups.Select(g => (g.First().Level2Label, g.Count())));
    }

    [BrowserFact]
    public void The_page_prints_to_a_short_a4_pdf()
    {
        var pdf = Rendered.Pdf;
        _output.WriteLine($"Chromium rendered the DOM and printed the PDF in {Rendered.Elapsed.TotalSeconds:0.0} s");

        pdf.Length.Should().BeGreaterThan(1000);
        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        var pages = PdfPageCount(pdf);
        pages.Should().BeInRange(1, 8, "47 indicators fit on a few landscape A4 pages");

        // A4 landscape is 842 × 595 points; Chromium writes each page's MediaBox.
        var text = Encoding.Latin1.GetString(pdf);
        var boxes = Regex.Matches(text, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]");
        boxes.Should().NotBeEmpty();
        boxes.Should().OnlyContain(m => Math.Abs(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 842) < 2
            && Math.Abs(double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - 595) < 2);
    }

    /// <summary>The number of pages: the page objects, or else the largest /Count of a page tree.</summary>
    private static int PdfPageCount(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var pages = Regex.Count(text, @"/Type\s*/Page(?![A-Za-z])");
        if (pages > 0)
        {
            return pages;
        }

        var counts = Regex.Matches(text, @"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b");
        return counts.Count == 0 ? 0 : counts.Max(m => int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Renders the seed's table once for the class: the DOM first, then the PDF (one browser at a time).</summary>
    public sealed class Rendering : IDisposable
    {
        private readonly Lazy<RenderedTable> _result;
        private readonly DirectoryInfo _folder;

        public Rendering()
        {
            var seed = new SeedExample();
            Table = SelfEvaluationTable.From(seed.Result);
            Names = seed.Result.Indicators.Select(i => i.Name).ToList();
            _folder = Directory.CreateTempSubdirectory("perfeval-html-");
            _result = new Lazy<RenderedTable>(Render);
        }

        public SelfEvaluationTable Table { get; }

        /// <summary>The names of the seed's indicators, from the evaluation (not from the table).</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>The rendering; fails with the reason when Chromium is missing or does not finish.</summary>
        public RenderedTable Result => _result.Value;

        public void Dispose()
        {
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser child that outlived its kill may still hold a file; the folder is in the temp directory.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private RenderedTable Render()
        {
            var page = Path.Combine(_folder.FullName, "table.html");
            File.WriteAllText(page, TableWriters.ToHtml(Table), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var url = new Uri(page).AbsoluteUri;

            var stopwatch = Stopwatch.StartNew();
            var dom = HeadlessChromium.Run(_folder, "--dump-dom", url);
            var pdfPath = Path.Combine(_folder.FullName, "table.pdf");
            HeadlessChromium.Run(_folder, "--no-pdf-header-footer", "--print-to-pdf=" + pdfPath, url);
            File.Exists(pdfPath).Should().BeTrue("Chromium was asked to print to {0}", pdfPath);
            return RenderedTable.Parse(dom, File.ReadAllBytes(pdfPath), stopwatch.Elapsed);
        }
    }
}

/// <summary>One cell of the rendered table.</summary>
/// <param name="Tag">td or th.</param>
/// <param name="Text">Its text, decoded, with line breaks for &lt;br&gt;.</param>
/// <param name="RowSpan">rowspan.</param>
/// <param name="ColSpan">colspan.</param>
public sealed record RenderedCell(string Tag, string Text, int RowSpan, int ColSpan);

/// <summary>The table as Chromium rendered it, read back from its DOM, and the printed PDF.</summary>
public sealed partial class RenderedTable
{
    private RenderedTable(string dom, byte[] pdf, TimeSpan elapsed)
    {
        Dom = dom;
        Pdf = pdf;
        Elapsed = elapsed;
    }

    /// <summary>The serialized DOM after rendering.</summary>
    public string Dom { get; }

    /// <summary>The printed PDF.</summary>
    public byte[] Pdf { get; }

    /// <summary>How long the two browser runs took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The h1.</summary>
    public string Heading { get; private set; } = string.Empty;

    /// <summary>The cells in document order.</summary>
    public List<RenderedCell> Cells { get; } = [];

    /// <summary>The table as a grid: each row's columns, a merged cell standing in every slot it covers.</summary>
    public List<RenderedCell[]> Grid { get; } = [];

    /// <summary>Rows that merged cells still claimed below the last row.</summary>
    public int DanglingRowSpans { get; private set; }

    /// <summary>The grid row that has a cell with this text.</summary>
    public RenderedCell[] Row(string text) => Grid.Single(r => r.Any(c => c.Text == text));

    public static RenderedTable Parse(string dom, byte[] pdf, TimeSpan elapsed)
    {
        var table = new RenderedTable(dom, pdf, elapsed);
        var h1 = H1().Match(dom);
        table.Heading = h1.Success ? Text(h1.Groups[1].Value) : string.Empty;

        // Lay the cells on a grid as the HTML table model does: each cell takes the first free slot of its row.
        var pending = new List<(RenderedCell Cell, int Rows)>();
        foreach (Match tr in Tr().Matches(dom))
        {
            var row = new List<RenderedCell?>();
            for (var c = 0; c < pending.Count; c++)
            {
                row.Add(pending[c].Rows > 0 ? pending[c].Cell : null);
            }

            foreach (Match td in Td().Matches(tr.Groups[1].Value))
            {
                var attributes = td.Groups[2].Value;
                var cell = new RenderedCell(td.Groups[1].Value, Text(td.Groups[3].Value), Span(attributes, "rowspan"), Span(attributes, "colspan"));
                table.Cells.Add(cell);
                var at = row.IndexOf(null);
                at = at < 0 ? row.Count : at;
                for (var k = 0; k < cell.ColSpan; k++)
                {
                    while (row.Count <= at + k)
                    {
                        row.Add(null);
                    }

                    row[at + k] = cell;
                    while (pending.Count <= at + k)
                    {
                        pending.Add((cell, 0));
                    }

                    pending[at + k] = (cell, cell.RowSpan);
                }
            }

            for (var c = 0; c < pending.Count; c++)
            {
                pending[c] = (pending[c].Cell, pending[c].Rows - 1);
            }

            var width = row.FindLastIndex(c => c is not null) + 1;
            table.Grid.Add(row.Take(width).Select(c => c ?? new RenderedCell("none", string.Empty, 1, 1)).ToArray());
        }

        table.DanglingRowSpans = pending.Where(p => p.Rows > 0).Select(p => p.Rows).DefaultIfEmpty(0).Max();
        return table;
    }

    private static int Span(string attributes, string name)
    {
        var m = Regex.Match(attributes, name + "=\"(\\d+)\"");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
    }

    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(Br().Replace(html, "\n"), string.Empty)).Trim();

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex H1();

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex Tr();

    [GeneratedRegex("<(td|th)(\\s[^>]*)?>(.*?)</\\1>", RegexOptions.Singleline)]
    private static partial Regex Td();

    [GeneratedRegex("<br\\s*/?>")]
    private static partial Regex Br();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
