using FluentAssertions;
using PerfEval.Loading;
using PerfEval.Monitoring;
using PerfEval.Reporting;

namespace PerfEval.Excel.Tests;

public sealed class ExcelMonitoringWriterTests
{
    private static MonitoringTable SeedPointTable()
    {
        var folder = Testing.Repository.SeedExample();
        var set = PerfEvalJson.ReadIndicatorSetFile(Path.Combine(folder, "indicators.json")).GetValueOrThrow();
        var point = PerfEvalJson.ReadActualsFile(Path.Combine(folder, "monitoring", "2025-07.json")).GetValueOrThrow();
        return MonitoringTable.From(PerformanceMonitor.Assess(set, point));
    }

    [Fact]
    public void The_monitoring_workbook_is_valid_and_holds_every_row_of_the_table_with_projections_as_numbers()
    {
        var table = SeedPointTable();

        var book = XlsxReader.Open(ExcelMonitoringWriter.ToBytes(table));

        book.ValidationErrors.Should().BeEmpty();
        book.SheetNames.Should().Equal("绩效运行监控表");
        book.Cells.Should().Contain(c => c.Text == "完成目标可能性");
        book.Cells.Count(c => c.Text is "确定能" or "有可能" or "完全不可能").Should().Be(table.Rows.Length);
        var projected = table.Report.Indicators.First(i => i.Id == "si-subsidy-recipients").Projected;
        book.Cells.Should().Contain(c => c.Number == projected && c.Column == MonitoringTable.FirstFigureColumn + 4);
    }
}
