using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Evaluation;
using PerfEval.Review;
using PerfEval.Tests.Reporting;

namespace PerfEval.Tests.Review;

/// <summary>
/// The review's summary page as headless Chromium renders it: the charts are there as SVG, the table sorts, the links
/// reach the submissions' pages, nothing outside the page is requested, and it prints.
/// </summary>
public sealed partial class ReviewPageBrowserTests : IClassFixture<ReviewPageBrowserTests.Pages>
{
    private readonly Pages _pages;

    public ReviewPageBrowserTests(Pages pages) => _pages = pages;

    [BrowserFact]
    public void The_page_renders_four_svg_charts_with_a_bar_per_counted_item()
    {
        var dom = _pages.Dom(string.Empty);

        foreach (var id in new[] { "grades", "execution", "completion", "findings" })
        {
            dom.Should().MatchRegex($"<figure id=\"chart-{id}\"><figcaption>[^<]+</figcaption>\\s*<svg ");
        }

        Bars(dom, "grades").Should().Equal(_pages.Summary.Grades.Select(g => (g.Label, g.Count.ToString(CultureInfo.InvariantCulture))));
        Bars(dom, "findings").Should().Equal(_pages.Summary.FindingsByCode.Select(g => (g.Label, g.Count.ToString(CultureInfo.InvariantCulture))));
        Bars(dom, "completion").Select(b => b.Label).Should().Equal(_pages.Summary.CompletionByKind.Select(k => k.Label));
    }

    [BrowserFact]
    public void The_table_lists_every_submission_in_review_order_before_sorting()
    {
        var rows = Rows(_pages.Dom(string.Empty));

        rows.Select(r => r[0]).Should().Equal(_pages.Reviews.Select(r => r.Submission.Name));
        rows.Select(r => r[5]).Should().Equal(_pages.Reviews.Select(r => r.Errors.ToString(CultureInfo.InvariantCulture)));
    }

    [BrowserFact]
    public void Sorting_by_total_puts_the_rows_in_score_order_both_ways_with_unread_submissions_last_or_first()
    {
        var expected = _pages.Reviews.OrderByDescending(r => r.Audit?.Evaluation.TotalScore ?? decimal.MinValue).ThenBy(r => r.Index).Select(r => r.Submission.Name).ToList();

        var descending = _pages.Dom("#sort=2-desc");
        Rows(descending).Select(r => r[0]).Should().Equal(expected);
        descending.Should().Contain("aria-sort=\"descending\"");

        var ascending = _pages.Reviews.OrderBy(r => r.Audit?.Evaluation.TotalScore ?? decimal.MinValue).ThenBy(r => r.Index).Select(r => r.Submission.Name);
        Rows(_pages.Dom("#sort=2-asc")).Select(r => r[0]).Should().Equal(ascending);
    }

    [BrowserFact]
    public void Sorting_by_errors_and_by_name_follows_the_figures_and_the_names()
    {
        var byErrors = _pages.Reviews.OrderByDescending(r => r.Errors).ThenBy(r => r.Index).Select(r => r.Submission.Name);
        Rows(_pages.Dom("#sort=5-desc")).Select(r => r[0]).Should().Equal(byErrors);

        var byName = Rows(_pages.Dom("#sort=0-asc")).Select(r => r[0]).ToList();
        byName.Should().BeEquivalentTo(_pages.Reviews.Select(r => r.Submission.Name));
        byName.Should().BeInAscendingOrder(StringComparer.Ordinal, "the names are ASCII, which every collation orders alike");
    }

    [BrowserFact]
    public void Every_link_leads_to_a_page_written_beside_the_summary_and_nothing_outside_is_referenced()
    {
        var dom = _pages.Dom(string.Empty);

        var links = Href().Matches(dom).Select(m => m.Groups[1].Value).ToList();
        links.Should().NotBeEmpty();
        links.Should().OnlyContain(l => File.Exists(Path.Combine(_pages.Folder, l)), "each row links to its submission's table and audit");
        links.Should().Contain(ReviewWriters.AuditPage(_pages.Reviews.Count - 1));

        // No src, no url(), no address outside the page, and a policy that makes the browser refuse any other load.
        var outside = Regex.Replace(dom, "xmlns=\"http://www\\.w3\\.org/2000/svg\"", string.Empty);
        outside.Should().NotMatchRegex("(?i)\\ssrc=|url\\(|https?:|//[a-z0-9.-]+\\.[a-z]{2,}/", "the SVG namespace is the only address on the page");
        dom.Should().Contain("Content-Security-Policy").And.Contain("default-src 'none'");
    }

    [BrowserFact]
    public void The_audit_page_of_a_submission_renders_its_comparisons_and_findings()
    {
        var seed = _pages.Reviews.First(r => r.Audit is not null);
        var dom = _pages.Dom(string.Empty, ReviewWriters.AuditPage(seed.Index));

        dom.Should().Contain("<h1>" + seed.Audit!.Evaluation.Name + "</h1>");
        Regex.Count(dom, "<tr class=\"(agrees|disagrees)\">").Should().Be(seed.Audit.Comparisons.Length);
        Regex.Count(dom, "<tr class=\"(error|warning|info)\">").Should().Be(seed.Findings.Length);
    }

    [BrowserFact]
    public void The_page_prints_to_a_pdf()
    {
        var pdf = _pages.Pdf();

        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        pdf.Length.Should().BeGreaterThan(1000);
    }

    private static List<(string Label, string Text)> Bars(string dom, string chart)
    {
        var figure = Regex.Match(dom, $"<figure id=\"chart-{chart}\">(.*?)</figure>", RegexOptions.Singleline).Groups[1].Value;
        return [.. BarGroup().Matches(figure).Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)))];
    }

    private static List<string[]> Rows(string dom)
    {
        var body = Regex.Match(dom, "<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        return [.. Regex.Matches(body, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)
            .Select(tr => Regex.Matches(tr.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
                .Select(td => System.Net.WebUtility.HtmlDecode(Regex.Replace(td.Groups[1].Value, "<[^>]+>", string.Empty)).Trim()).ToArray())];
    }

    [GeneratedRegex("<g class=\"bar\"[^>]*><text[^>]*>([^<]*)</text><rect[^>]*></rect><text[^>]*>([^<]*)</text></g>")]
    private static partial Regex BarGroup();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex Href();

    /// <summary>A review of a folder of seed copies and table files, written once for the class, and Chromium's renderings of it.</summary>
    public sealed class Pages : IDisposable
    {
        private readonly ReviewFolder _input = new();
        private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("perfeval-review-page-");

        public Pages()
        {
            _input.Seed("2025/county-b");
            _input.Seed("2025/county-a", stated: false);
            _input.TableFile("2025/county-c.docx");
            _input.Seed("2024/city", stated: false);
            var culture = CultureInfo.GetCultureInfo("zh-CN");
            Reviews = [.. PortfolioReview.Run(new Evaluator(), SubmissionFinder.Find(_input.Root), new ReviewOptions { Culture = culture })];
            Summary = PortfolioSummary.From(Reviews, culture);
            Folder = _output.FullName;
            Directory.CreateDirectory(Path.Combine(Folder, ReviewWriters.PagesFolder));
            File.WriteAllText(Path.Combine(Folder, ReviewWriters.SummaryPage), ReviewWriters.SummaryHtml(Summary, Reviews, culture));
            foreach (var r in Reviews)
            {
                File.WriteAllText(Path.Combine(Folder, ReviewWriters.AuditPage(r.Index)), ReviewWriters.AuditHtml(r, culture));
                if (ReviewWriters.TableHtml(r, culture) is { } table)
                {
                    File.WriteAllText(Path.Combine(Folder, ReviewWriters.TablePage(r.Index)), table);
                }
            }
        }

        public List<SubmissionReview> Reviews { get; }

        public PortfolioSummary Summary { get; }

        public string Folder { get; }

        /// <summary>The DOM after the page's script ran, for the summary page (or another page) opened with <paramref name="fragment"/>.</summary>
        public string Dom(string fragment, string page = ReviewWriters.SummaryPage) =>
            HeadlessChromium.Run(_output, "--dump-dom", new Uri(Path.Combine(Folder, page)).AbsoluteUri + fragment);

        public byte[] Pdf()
        {
            var pdf = Path.Combine(Folder, "summary.pdf");
            HeadlessChromium.Run(_output, "--no-pdf-header-footer", "--print-to-pdf=" + pdf, new Uri(Path.Combine(Folder, ReviewWriters.SummaryPage)).AbsoluteUri);
            return File.ReadAllBytes(pdf);
        }

        public void Dispose()
        {
            _input.Dispose();
            try
            {
                _output.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser child that outlived its kill may still hold a file; the folder is in the temp directory.
            }
        }
    }
}
