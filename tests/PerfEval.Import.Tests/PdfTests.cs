using System.Globalization;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PerfEval.Import.Tests;

/// <summary>PDF: the table rebuilt from the text layer where the layout allows; a clear finding where there is no text.</summary>
public sealed class PdfTests
{
    private static readonly double[] Indicator = [40, 95, 150, 250, 310, 370, 420, 470];

    [Fact]
    public void A_table_in_the_text_layer_is_rebuilt_and_evaluates()
    {
        var pdf = Pdf(
            [(40, "Project expenditure performance self-evaluation (2024)")],
            [(40, "Programme"), (150, "Elderly care subsidy")],
            [(40, "Department"), (150, "District civil affairs bureau")],
            [(40, "Funds (10k yuan)"), (150, "Initial budget"), (230, "Available (A)"), (310, "Spent (B)"), (370, "Weight"), (420, "Execution rate"), (490, "Score")],
            [(95, "Total funds"), (150, "200"), (230, "220"), (310, "209"), (370, "10"), (420, "95.00%"), (490, "9.50")],
            [(40, "Level 1"), (95, "Level 2"), (150, "Indicator"), (250, "Target"), (310, "Actual"), (370, "Weight"), (420, "Score"), (470, "Deviation reasons and measures")],
            Row("Output", "Quantity", "Elderly served", ">=500", "520", "50", "50", string.Empty),
            Row("Benefit", "Social", "Meals delivered", ">=10000", "9000", "30", "27", "Fewer requests"),
            Row("Satisfaction", "Satisfaction", "Satisfaction rate", ">=90%", "93%", "10", "10", string.Empty),
            [(40, "Total"), (370, "100"), (420, "96.5"), (470, "Grade: Excellent")]);

        var import = SubmissionImporter.Import(new MemoryStream(pdf), SubmissionFormat.Pdf, new ImportOptions { Culture = CultureInfo.InvariantCulture, SourceName = "table.pdf" });

        import.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Should().BeEmpty();
        (import.IndicatorSet!.Name, import.IndicatorSet.Year, import.IndicatorSet.Budget.Unit).Should().Be(("Elderly care subsidy", 2024, "10k yuan"));
        import.IndicatorSet.Indicators.Select(i => (i.Name, i.Weight)).Should().Equal(("Elderly served", 50m), ("Meals delivered", 30m), ("Satisfaction rate", 10m));
        import.Actuals!.Stated!.TotalScore.Should().Be(96.5m);
        import.Actuals.Stated.Grade.Should().Be("Excellent");

        // By hand: 209 / 220 = 95 %, 9.5 of 10; 520 ≥ 500 full 50; 9000 / 10000 = 90 % of 30 = 27; 93 % ≥ 90 % full 10: 96.5.
        var result = RuleSets.Evaluate(import.ToProgramme()!);
        result.Indicators.Select(i => i.Score).Should().Equal(50m, 27m, 10m);
        result.TotalScore.Should().Be(96.5m);
    }

    [Fact]
    public void A_pdf_without_a_text_layer_is_PE6010()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 200, 100);

        var import = SubmissionImporter.Import(new MemoryStream(builder.Build()), SubmissionFormat.Pdf, new ImportOptions { Culture = CultureInfo.InvariantCulture, SourceName = "scan.pdf" });

        var finding = import.Diagnostics.Should().ContainSingle().Subject;
        finding.Code.Should().Be(DiagnosticCodes.ImportNoTextLayer);
        finding.Message.Should().Contain("scan.pdf").And.Contain("no text layer");
        import.IndicatorSet.Should().BeNull();
    }

    private static (double X, string Text)[] Row(params string[] cells) =>
        [.. cells.Select((t, i) => (Indicator[i], t)).Where(c => c.t.Length > 0)];

    private static byte[] Pdf(params (double X, string Text)[][] lines)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4, isPortrait: false);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var y = 560d;
        foreach (var line in lines)
        {
            foreach (var (x, text) in line)
            {
                page.AddText(text, 8, new PdfPoint(x, y), font);
            }

            y -= 18;
        }

        return builder.Build();
    }
}
