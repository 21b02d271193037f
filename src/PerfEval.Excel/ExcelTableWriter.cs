using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerfEval.Reporting;

namespace PerfEval.Excel;

/// <summary>
/// Writes the self-evaluation table (项目支出绩效自评表) as an Excel workbook (.xlsx) in the national layout: one
/// sheet with the header fields, the funds block, the goals, the indicator block with its level-1 and level-2 cells
/// merged, and the total. Money and points are numeric cells shown with two decimals; rates (执行率, 完成率) are
/// numeric fractions shown as percentages; targets and actuals that are plain quantities (2781, 98%, 12166名) are
/// numbers whose number format shows them as written, unit included, so that the figures can be computed with.
/// </summary>
public static class ExcelTableWriter
{
    private const int MaxCellText = 32767;

    /// <summary>Writes the table as an .xlsx workbook to a stream, from its current position; the stream is left open.</summary>
    /// <param name="table">The table, from <see cref="SelfEvaluationTable.From"/>.</param>
    /// <param name="stream">A writable stream; it need not be seekable.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable.</exception>
    public static void Write(SelfEvaluationTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        using var buffer = Build(table);
        buffer.Position = 0;
        buffer.CopyTo(stream);
        stream.Flush();
    }

    /// <summary>
    /// Writes the table as an .xlsx workbook to a stream without blocking a thread (an ASP.NET Core response body,
    /// where synchronous writes are refused): the workbook is made in memory, then copied with
    /// <paramref name="cancellationToken"/>. The same table always gives the same bytes.
    /// </summary>
    /// <param name="table">The table, from <see cref="SelfEvaluationTable.From"/>.</param>
    /// <param name="stream">A writable stream; it need not be seekable, and it is left open.</param>
    /// <param name="cancellationToken">Stops the write with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the workbook is written.</returns>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable.</exception>
    public static async Task WriteAsync(SelfEvaluationTable table, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        using var buffer = Build(table);
        await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The table as the bytes of an .xlsx workbook.</summary>
    /// <param name="table">The table, from <see cref="SelfEvaluationTable.From"/>.</param>
    /// <returns>The workbook's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static byte[] ToBytes(SelfEvaluationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var buffer = Build(table);
        return buffer.ToArray();
    }

    private static MemoryStream Build(SelfEvaluationTable table)
    {
        var layout = SheetLayout.For(table);
        var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = Clean(table.Title);
            document.PackageProperties.Subject = Clean(table.ProgrammeName);
            document.PackageProperties.Creator = "PerfEval";

            var workbookPart = document.AddWorkbookPart();
            // Ids given, not drawn at random, so that the same table gives the same bytes (PackageNormalizer does the rest).
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rId1");
            stylesPart.Stylesheet = Styles(table.Options.Chinese, layout.NumberFormats);
            var strings = new SharedStrings();
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>("rId2");
            worksheetPart.Worksheet = Worksheet(layout, strings, table.Options.Chinese);
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>("rId3");
            stringsPart.SharedStringTable = strings.ToTable();

            var quoted = "'" + layout.SheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
            workbookPart.Workbook = new Workbook(
                new BookViews(new WorkbookView()),
                new Sheets(new Sheet { Name = layout.SheetName, SheetId = 1U, Id = workbookPart.GetIdOfPart(worksheetPart) }),
                new DefinedNames(new DefinedName($"{quoted}!${layout.IndicatorHeaderRow}:${layout.IndicatorHeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0U }));
        }

        using (buffer)
        {
            return PackageNormalizer.Normalize(buffer);
        }
    }

    private static Worksheet Worksheet(SheetLayout layout, SharedStrings strings, bool chinese)
    {
        var last = Reference(layout.Rows, layout.Columns);
        var view = new SheetView { WorkbookViewId = 0U, TabSelected = true };
        if (layout.Freeze)
        {
            var topLeft = Reference(layout.IndicatorHeaderRow + 1, 1);
            view.Append(
                new Pane { VerticalSplit = layout.IndicatorHeaderRow, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }

        var columns = new Columns();
        for (var c = 1; c <= layout.Columns; c++)
        {
            columns.Append(new Column { Min = (uint)c, Max = (uint)c, Width = layout.ColumnWidths[c], CustomWidth = true });
        }

        var data = new SheetData();
        for (var r = 1; r <= layout.Rows; r++)
        {
            var row = new Row { RowIndex = (uint)r, Spans = new ListValue<StringValue> { InnerText = $"1:{layout.Columns}" } };
            if (layout.RowHeights.TryGetValue(r, out var height))
            {
                row.Height = height;
                row.CustomHeight = true;
            }

            for (var c = 1; c <= layout.Columns; c++)
            {
                if (layout[r, c] is not { } cell)
                {
                    continue;
                }

                var xml = new Cell { CellReference = Reference(r, c), StyleIndex = cell.Format is { } f ? QuantityStyles + (uint)f : (uint)cell.Style };
                if (cell.Number is { } number)
                {
                    xml.CellValue = new CellValue(Number(number));
                }
                else if (cell.Text is { Length: > 0 } text)
                {
                    xml.DataType = CellValues.SharedString;
                    xml.CellValue = new CellValue(strings.Index(text).ToString(CultureInfo.InvariantCulture));
                }

                row.Append(xml);
            }

            data.Append(row);
        }

        var merges = new MergeCells { Count = (uint)layout.Merges.Count };
        foreach (var (row, column, lastRow, lastColumn) in layout.Merges)
        {
            merges.Append(new MergeCell { Reference = $"{Reference(row, column)}:{Reference(lastRow, lastColumn)}" });
        }

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetDimension { Reference = $"A1:{last}" },
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = 15D },
            columns,
            data);
        if (layout.Merges.Count > 0)
        {
            worksheet.Append(merges);
        }

        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4D, Right = 0.4D, Top = 0.5D, Bottom = 0.6D, Header = 0.3D, Footer = 0.3D },
            new PageSetup { PaperSize = 9U, Orientation = OrientationValues.Landscape, FitToWidth = 1U, FitToHeight = 0U },
            new HeaderFooter(new OddFooter(chinese ? "&C第 &P 页，共 &N 页" : "&CPage &P of &N")));
        return worksheet;
    }

    /// <summary>The first cell format of the quantities' number formats, after those of <see cref="CellStyle"/>.</summary>
    private const uint QuantityStyles = (uint)CellStyle.Dash + 1;

    /// <summary>The first id of a custom number format (ids below are built in).</summary>
    private const uint FirstCustomFormat = 164;

    private static Stylesheet Styles(bool chinese, List<string> quantityFormats)
    {
        Font Font(bool bold, double size)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size });
            if (chinese)
            {
                font.Append(new FontName { Val = "宋体" }, new FontFamilyNumbering { Val = 3 }, new FontCharSet { Val = 134 });
            }
            else
            {
                font.Append(new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
            }

            return font;
        }

        Border Thin() => new(
            new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());

        CellFormat Format(uint font, uint fill, uint border, uint numberFormat, HorizontalAlignmentValues? horizontal, bool wrap)
        {
            var alignment = new Alignment { Vertical = VerticalAlignmentValues.Center };
            if (horizontal is { } h)
            {
                alignment.Horizontal = h;
            }

            if (wrap)
            {
                alignment.WrapText = true;
            }

            return new CellFormat(alignment)
            {
                FontId = font,
                FillId = fill,
                BorderId = border,
                NumberFormatId = numberFormat,
                FormatId = 0U,
                ApplyFont = font != 0,
                ApplyFill = fill != 0,
                ApplyBorder = border != 0,
                ApplyNumberFormat = numberFormat != 0,
                ApplyAlignment = true,
            };
        }

        // Built-in number formats: 2 is "0.00", 10 is "0.00%".
        const uint twoDecimals = 2, percent = 10;
        var formats = new CellFormats(
            new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U, FormatId = 0U },
            Format(2, 0, 0, 0, HorizontalAlignmentValues.Center, false),
            Format(1, 2, 1, 0, HorizontalAlignmentValues.Center, true),
            Format(0, 0, 1, 0, HorizontalAlignmentValues.Left, true),
            Format(1, 0, 1, 0, HorizontalAlignmentValues.Center, true),
            Format(0, 0, 1, twoDecimals, HorizontalAlignmentValues.Right, false),
            Format(0, 0, 1, percent, HorizontalAlignmentValues.Right, false),
            Format(0, 0, 1, 0, HorizontalAlignmentValues.Right, true));
        var numberingFormats = new NumberingFormats();
        for (var i = 0; i < quantityFormats.Count; i++)
        {
            numberingFormats.Append(new NumberingFormat { NumberFormatId = FirstCustomFormat + (uint)i, FormatCode = quantityFormats[i] });
            formats.Append(Format(0, 0, 1, FirstCustomFormat + (uint)i, HorizontalAlignmentValues.Right, false));
        }

        numberingFormats.Count = (uint)quantityFormats.Count;
        formats.Count = (uint)formats.ChildElements.Count;

        var stylesheet = new Stylesheet();
        if (quantityFormats.Count > 0)
        {
            stylesheet.Append(numberingFormats);
        }

        stylesheet.Append(
            new Fonts(Font(false, 10), Font(true, 10), Font(true, 14)) { Count = 3U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
            { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()) { Count = 2U },
            new CellStyleFormats(new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U }) { Count = 1U },
            formats,
            new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
        return stylesheet;
    }

    /// <summary>A cell reference such as B7.</summary>
    /// <param name="row">The row (1-based).</param>
    /// <param name="column">The column (1-based).</param>
    /// <returns>The reference.</returns>
    internal static string Reference(int row, int column)
    {
        var letters = new StringBuilder();
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((c - 1) % 26)));
        }

        return letters.Append(row.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static string Number(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Text as a cell can hold it: line breaks as \n, no characters that XML forbids, at most 32,767 characters.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').EnumerateRunes())
        {
            var v = rune.Value;
            if (v is 0x9 or 0xA || (v >= 0x20 && v is not (0xFFFE or 0xFFFF)))
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.Length > MaxCellText ? sb.ToString(0, MaxCellText) : sb.ToString();
    }

    /// <summary>The shared string table being built: each distinct text once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> texts = [];
        private int references;

        public int Index(string text)
        {
            text = Clean(text);
            references++;
            if (!index.TryGetValue(text, out var i))
            {
                i = texts.Count;
                index[text] = i;
                texts.Add(text);
            }

            return i;
        }

        public SharedStringTable ToTable()
        {
            var table = new SharedStringTable { Count = (uint)references, UniqueCount = (uint)texts.Count };
            foreach (var text in texts)
            {
                var t = new Text(text);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal)))
                {
                    t.Space = SpaceProcessingModeValues.Preserve;
                }

                table.Append(new SharedStringItem(t));
            }

            return table;
        }
    }
}
