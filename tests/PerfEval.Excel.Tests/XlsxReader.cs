using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using FluentAssertions;

namespace PerfEval.Excel.Tests;

/// <summary>Reads an .xlsx back with DocumentFormat.OpenXml: its one sheet's cells, merges and settings.</summary>
public sealed class XlsxReader
{
    private static readonly Dictionary<uint, string> BuiltInFormats = new()
    {
        [0] = "General",
        [1] = "0",
        [2] = "0.00",
        [3] = "#,##0",
        [4] = "#,##0.00",
        [9] = "0%",
        [10] = "0.00%",
    };

    private XlsxReader(byte[] bytes)
    {
        Bytes = bytes;
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        ValidationErrors = new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 }
            .SelectMany(version => new OpenXmlValidator(version).Validate(document).Select(e => $"{version} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}"))
            .ToList();

        var workbookPart = document.WorkbookPart!;
        var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        SheetNames = sheets.Select(s => s.Name!.Value!).ToList();
        var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheets[0].Id!.Value!);
        Worksheet = (Worksheet)worksheetPart.Worksheet.CloneNode(true);
        SharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var stylesheet = workbookPart.WorkbookStylesPart!.Stylesheet;
        Stylesheet = (Stylesheet)stylesheet.CloneNode(true);
        DefinedNames = workbookPart.Workbook.DefinedNames?.Elements<DefinedName>().ToDictionary(d => d.Name!.Value!, d => d.Text) ?? [];

        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        foreach (var cell in Worksheet.Descendants<Cell>())
        {
            var (row, column) = Parse(cell.CellReference!.Value!);
            var style = cell.StyleIndex?.Value ?? 0;
            var formatId = formats[(int)style].NumberFormatId?.Value ?? 0;
            var format = custom.TryGetValue(formatId, out var code) ? code : BuiltInFormats.GetValueOrDefault(formatId, "?");
            var raw = cell.CellValue?.Text;
            var type = cell.DataType?.Value;
            string? text = null;
            decimal? number = null;
            if (type == CellValues.SharedString && raw is not null)
            {
                text = SharedStrings[int.Parse(raw, CultureInfo.InvariantCulture)];
            }
            else if (type == CellValues.InlineString)
            {
                text = cell.InlineString?.InnerText;
            }
            else if (type == CellValues.String)
            {
                text = raw;
            }
            else if (raw is not null)
            {
                number = decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            Cells.Add(new ReadCell(row, column, cell.CellReference.Value!, text, number, type, format, style));
        }

        Merges = Worksheet.Descendants<MergeCell>()
            .Select(m => m.Reference!.Value!.Split(':'))
            .Select(p => (Parse(p[0]), Parse(p[1])))
            .Select(x => (x.Item1.Row, x.Item1.Column, x.Item2.Row, x.Item2.Column))
            .ToList();
    }

    public byte[] Bytes { get; }

    public IReadOnlyList<string> ValidationErrors { get; }

    public IReadOnlyList<string> SheetNames { get; }

    public Worksheet Worksheet { get; }

    public Stylesheet Stylesheet { get; }

    public IReadOnlyList<string> SharedStrings { get; }

    public IReadOnlyDictionary<string, string> DefinedNames { get; }

    public List<ReadCell> Cells { get; } = [];

    public IReadOnlyList<(int Row, int Column, int LastRow, int LastColumn)> Merges { get; }

    public static XlsxReader Open(byte[] bytes) => new(bytes);

    public ReadCell Cell(int row, int column) => Cells.Single(c => c.Row == row && c.Column == column);

    public ReadCell? At(int row, int column) => Cells.SingleOrDefault(c => c.Row == row && c.Column == column);

    public IEnumerable<ReadCell> WithText(string text) => Cells.Where(c => c.Text == text);

    public ReadCell SingleWithText(string text) => WithText(text).Should().ContainSingle($"one cell holds \"{text}\"").Subject;

    public IEnumerable<ReadCell> Row(int row) => Cells.Where(c => c.Row == row).OrderBy(c => c.Column);

    public (int Row, int Column, int LastRow, int LastColumn)? MergeAt(int row, int column) =>
        Merges.Cast<(int Row, int Column, int LastRow, int LastColumn)?>().SingleOrDefault(m => m!.Value.Row == row && m.Value.Column == column);

    public CellFormat Format(ReadCell cell) => Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex);

    public static (int Row, int Column) Parse(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsLetter(reference[i]); i++)
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
        }

        return (int.Parse(reference.AsSpan(i), CultureInfo.InvariantCulture), column);
    }
}
