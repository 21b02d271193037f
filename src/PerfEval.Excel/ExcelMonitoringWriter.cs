using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerfEval.Reporting;

namespace PerfEval.Excel;

/// <summary>
/// Writes the monitoring table (项目绩效运行监控表) as an Excel workbook (.xlsx): one sheet with the title, the as-of
/// line, the header fields, the budget block and one row per indicator, as the other writers print them. Plain numbers
/// (the projected year-end values) are numeric cells; percentages and wording are text as shown.
/// </summary>
public static class ExcelMonitoringWriter
{
    private const int MaxCellText = 32767;

    /// <summary>Writes the table as an .xlsx workbook to a stream, from its current position; the stream is left open.</summary>
    /// <param name="table">The table, from <see cref="MonitoringTable.From"/>.</param>
    /// <param name="stream">A writable stream; it need not be seekable.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable.</exception>
    public static void Write(MonitoringTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        var bytes = ToBytes(table);
        stream.Write(bytes);
        stream.Flush();
    }

    /// <summary>The table as the bytes of an .xlsx workbook.</summary>
    /// <param name="table">The table, from <see cref="MonitoringTable.From"/>.</param>
    /// <returns>The workbook's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static byte[] ToBytes(MonitoringTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<IReadOnlyList<string>> { new[] { table.Title }, new[] { table.AsOfLine } };
        rows.AddRange(table.Header.Select(h => new[] { h.Key, h.Value }));
        rows.Add([]);
        rows.Add(table.BudgetColumns);
        rows.Add(table.BudgetRow);
        rows.Add([]);
        rows.Add(table.Columns);
        rows.AddRange(table.Rows.Select(r => (IReadOnlyList<string>)r));

        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = table.Title;
            document.PackageProperties.Creator = "PerfEval";
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font(new FontSize { Val = 10 }, new FontName { Val = table.Chinese ? "宋体" : "Calibri" })) { Count = 1U },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
                new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
                new CellFormats(new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U });
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Count; c++)
                {
                    row.Append(Cell(rows[r][c], r + 1, c));
                }

                data.Append(row);
            }

            worksheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Name = table.Chinese ? "绩效运行监控表" : "Monitoring", SheetId = 1U, Id = workbookPart.GetIdOfPart(worksheetPart) }));
        }

        return buffer.ToArray();
    }

    private static Cell Cell(string text, int row, int column)
    {
        var reference = ((char)('A' + column)).ToString() + row.ToString(CultureInfo.InvariantCulture);
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return new Cell { CellReference = reference, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) };
        }

        var clean = new string([.. text.Where(ch => ch is '\t' or '\n' or '\r' || !char.IsControl(ch))]);
        return new Cell
        {
            CellReference = reference,
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(clean.Length > MaxCellText ? clean[..MaxCellText] : clean) { Space = SpaceProcessingModeValues.Preserve }),
        };
    }
}
