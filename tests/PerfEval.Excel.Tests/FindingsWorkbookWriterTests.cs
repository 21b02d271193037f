using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Review;

namespace PerfEval.Excel.Tests;

public sealed class FindingsWorkbookWriterTests
{
    private static readonly ReviewFinding[] Rows =
    [
        new("county/a", "PE4001", DiagnosticSeverity.Error, "$.stated.executionRate", "85.5", "85.49", "stated 85.5, recomputed 85.49"),
        new("county/a", "PE4001", DiagnosticSeverity.Error, "$.stated.grade", "优", "良", "grade"),
        new("county/b", "PE2003", DiagnosticSeverity.Warning, "$.indicators.x", null, null, "=no actual\u0001"),
    ];

    [Fact]
    public void Every_finding_is_a_row_under_a_header_with_an_auto_filter_over_all_of_them()
    {
        var xlsx = XlsxReader.Open(FindingsWorkbookWriter.ToBytes(Rows, CultureInfo.GetCultureInfo("zh-CN")));

        xlsx.ValidationErrors.Should().BeEmpty();
        xlsx.SheetNames.Should().Equal("问题清单");
        xlsx.Row(1).Select(c => c.Text).Should().Equal("自评", "代码", "级别", "位置", "陈述值", "复算值", "说明");
        xlsx.Row(2).Select(c => c.Text ?? c.Number?.ToString(CultureInfo.InvariantCulture)).Should().Equal("county/a", "PE4001", "错误", "$.stated.executionRate", "85.5", "85.49", "stated 85.5, recomputed 85.49");
        xlsx.Row(4).Select(c => c.Text).Should().Equal("county/b", "PE2003", "警告", "$.indicators.x", string.Empty, string.Empty, "=no actual");
        xlsx.Cells.Max(c => c.Row).Should().Be(Rows.Length + 1);
        xlsx.Worksheet.Elements<AutoFilter>().Single().Reference!.Value.Should().Be("A1:G4");
        xlsx.Worksheet.Descendants<Pane>().Single().TopLeftCell!.Value.Should().Be("A2", "the header row stays in view");
    }

    [Fact]
    public void Stated_and_recomputed_figures_are_numbers_and_a_grade_stays_text()
    {
        var xlsx = XlsxReader.Open(FindingsWorkbookWriter.ToBytes(Rows, CultureInfo.GetCultureInfo("en")));

        xlsx.SheetNames.Should().Equal("Findings");
        xlsx.Cell(2, 5).Number.Should().Be(85.5m);
        xlsx.Cell(2, 6).Number.Should().Be(85.49m);
        xlsx.Cell(3, 5).Text.Should().Be("优");
        xlsx.Cell(2, 3).Text.Should().Be("error");
    }

    [Fact]
    public void No_findings_give_a_header_row_alone()
    {
        var xlsx = XlsxReader.Open(FindingsWorkbookWriter.ToBytes([], CultureInfo.GetCultureInfo("en")));

        xlsx.ValidationErrors.Should().BeEmpty();
        xlsx.Cells.Should().OnlyContain(c => c.Row == 1).And.HaveCount(7);
    }
}
