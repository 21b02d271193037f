using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PerfEval.Import;

/// <summary>Reads the sheets of an .xlsx workbook (Open XML) into grids, with merged cells and numbers as the sheet shows them.</summary>
internal static class XlsxGridReader
{
    /// <summary>Reads every sheet of a workbook.</summary>
    /// <param name="stream">The workbook; it must be seekable.</param>
    /// <returns>The grids, one per sheet, in the workbook's order.</returns>
    public static IReadOnlyList<Grid> Read(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook.");
        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var styles = Styles(workbook);
        var grids = new List<Grid>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part || part.Worksheet is null)
            {
                continue;
            }

            grids.Add(ReadSheet(sheet.Name?.Value ?? "Sheet", part.Worksheet, strings, styles));
        }

        return grids;
    }

    private static Grid ReadSheet(string name, Worksheet worksheet, string[] strings, CellNumber[] styles)
    {
        var ranges = worksheet.Elements<MergeCells>().SelectMany(m => m.Elements<MergeCell>())
            .Select(m => m.Reference?.Value?.Split(':') is [var from, var to] && Parse(from) is { } a && Parse(to) is { } b ? (a.Row, a.Column, b.Row, b.Column) : ((int, int, int, int)?)null)
            .OfType<(int, int, int, int)>();
        var merges = new SheetMerges(ranges);
        var grid = new Grid();
        var seen = new HashSet<(int, int)>();
        foreach (var cell in worksheet.Descendants<Cell>())
        {
            if (cell.CellReference?.Value is { } reference && Parse(reference) is { } at && !merges.Covers(at) && seen.Add(at)
                && merges.Cell(name, at, Value(cell, strings, styles)) is { } read)
            {
                grid.Add(read);
            }
        }

        // A merged range whose first cell is not written at all still covers its positions.
        foreach (var at in merges.Origins.Where(at => !seen.Contains(at)))
        {
            grid.Add(merges.Cell(name, at, (string.Empty, null, false))!);
        }

        return grid;
    }

    private static (string Text, decimal? Number, bool Percent) Value(Cell cell, string[] strings, CellNumber[] styles)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? Grid.Clean(strings[i]) : string.Empty, null, false);
        }

        if (type == CellValues.InlineString)
        {
            return (Grid.Clean(cell.InlineString?.InnerText), null, false);
        }

        if ((type is null || type == CellValues.Number)
            && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var stored))
        {
            var format = cell.StyleIndex?.Value is { } s && s < styles.Length ? styles[s] : CellNumber.General;
            var shown = format.Shown(stored);
            return (format.Text(shown), shown, format.IsPercent);
        }

        return (Grid.Clean(raw), null, false);
    }

    private static CellNumber[] Styles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value) ?? [];
        return stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id ? (custom.TryGetValue(id, out var code) ? CellNumber.Of(code) : CellNumber.BuiltIn(id)) : CellNumber.General)
            .ToArray() ?? [];
    }

    /// <summary>A reference such as B7 as a 1-based row and column.</summary>
    internal static (int Row, int Column)? Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = checked((column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1));
        }

        return column > 0 && i < reference.Length && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0
            ? (row, column)
            : null;
    }

    /// <summary>A cell reference such as B7.</summary>
    internal static string Reference(int row, int column)
    {
        var letters = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
