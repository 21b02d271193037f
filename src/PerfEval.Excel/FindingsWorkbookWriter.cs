using System.Collections.Immutable;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerfEval.Diagnostics;
using PerfEval.Review;

namespace PerfEval.Excel;

/// <summary>
/// Writes a review's findings as an Excel workbook (.xlsx) for a reviewer to filter: one sheet, a header row that stays
/// in view, an auto-filter over every column, one row per finding (submission, code, severity, path, stated,
/// recomputed, message); stated and recomputed figures are numeric cells.
/// </summary>
public static class FindingsWorkbookWriter
{
    private static readonly double[] Widths = [36, 9, 8, 34, 12, 12, 90];

    /// <summary>The findings as the bytes of an .xlsx workbook.</summary>
    /// <param name="findings">The rows, from <see cref="ReviewFinding.Of"/>.</param>
    /// <param name="culture">The language of the headings, the severities and the sheet's name; the current UI culture when null.</param>
    /// <returns>The workbook's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="findings"/> is null.</exception>
    public static byte[] ToBytes(IEnumerable<ReviewFinding> findings, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var columns = ReviewWriters.FindingColumns(culture);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Creator = "PerfEval";
            var workbookPart = document.AddWorkbookPart();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(
                    new CellFormat(),
                    new CellFormat { FontId = 1U, ApplyFont = true },
                    new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }));

            var data = new SheetData();
            var rowIndex = 1U;
            data.Append(Row(rowIndex++, columns.Select(c => TextCell(c, 1U))));
            foreach (var f in findings)
            {
                data.Append(Row(rowIndex++, [
                    TextCell(f.Submission), TextCell(f.Code), TextCell(ReviewWriters.SeverityLabel(f.Severity, culture)), TextCell(f.Path),
                    Figure(f.Stated), Figure(f.Recomputed), TextCell(f.Message, 2U)]));
            }

            var last = rowIndex - 1;
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0U, TabSelected = true }),
                new Columns(Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
                data,
                new AutoFilter { Reference = string.Create(CultureInfo.InvariantCulture, $"A1:G{last}") });

            var sheetName = MessageCatalog.Default.Format("review.sheet", ImmutableDictionary<string, string>.Empty, culture ?? CultureInfo.CurrentUICulture);
            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Name = sheetName, SheetId = 1U, Id = workbookPart.GetIdOfPart(worksheetPart) }),
                new DefinedNames(new DefinedName(string.Create(CultureInfo.InvariantCulture, $"'{sheetName}'!$A$1:$G${last}")) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0U, Hidden = true }));
        }

        return buffer.ToArray();
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + column++)}{index}");
            row.Append(cell);
        }

        return row;
    }

    /// <summary>A stated or recomputed figure: a number when it is one, otherwise its text (a grade, a dash).</summary>
    private static Cell Figure(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)) }
            : TextCell(text ?? string.Empty);

    /// <summary>A text cell written inline, without the characters XML forbids, within Excel's 32,767 characters.</summary>
    private static Cell TextCell(string text, uint style = 0U)
    {
        var clean = new string([.. text.Where(c => c is '\t' or '\n' || (c >= ' ' && c is not ('\uFFFE' or '\uFFFF')))]);
        clean = clean.Length > 32767 ? clean[..32767] : clean;
        return new Cell(new InlineString(new Text(clean) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };
    }
}
