using System.IO.Compression;
using FluentAssertions;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Excel.Tests;

/// <summary>The same table written twice, at different moments, gives byte-identical workbooks (they can be cached and compared).</summary>
public sealed class DeterministicWorkbookTests(SeedTables seed) : IClassFixture<SeedTables>
{
    [Fact]
    public async Task A_workbook_written_twice_a_few_seconds_apart_is_byte_identical()
    {
        var first = ExcelTableWriter.ToBytes(seed.Chinese);
        await Task.Delay(2100);   // zip timestamps have a resolution of two seconds
        using var stream = new MemoryStream();
        await ExcelTableWriter.WriteAsync(SelfEvaluationTable.From(Evaluate()), stream);

        stream.ToArray().Should().Equal(first);
        ExcelTableWriter.ToBytes(seed.English).Should().Equal(ExcelTableWriter.ToBytes(seed.English));
    }

    [Fact]
    public void The_deterministic_workbook_is_still_a_valid_package()
    {
        var bytes = ExcelTableWriter.ToBytes(seed.Chinese);

        XlsxReader.Open(bytes).ValidationErrors.Should().BeEmpty();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        zip.Entries.Select(e => e.LastWriteTime.Year).Distinct().Should().Equal(1980);
        zip.Entries.Select(e => e.FullName).Should().Contain(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]);
    }

    private static EvaluationResult Evaluate() => new Evaluator().EvaluateIn(
        PerfEvalJson.ReadProgrammeFolder(Testing.Repository.SeedExample()).GetValueOrThrow(), System.Globalization.CultureInfo.InvariantCulture);
}
