using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PerfEval.Import;

/// <summary>
/// Reads the tables of a Word document (.docx, Open XML) into one grid: tables that hold no other table, one below the
/// other, with gridBefore, gridSpan and vMerge; a cell's paragraphs become its lines.
/// </summary>
internal static class DocxGridReader
{
    /// <summary>Reads a document.</summary>
    /// <param name="stream">The document; it must be seekable.</param>
    /// <returns>One grid of all its tables.</returns>
    public static IReadOnlyList<Grid> Read(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("The package has no document body.");
        var builder = new GridBuilder();
        var number = 0;
        foreach (var table in body.Descendants<Table>().Where(t => !t.Descendants<Table>().Any()))
        {
            number++;
            builder.NextTable();
            var rowNumber = 0;
            foreach (var row in table.Elements<TableRow>())
            {
                rowNumber++;
                var column = 1 + (row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0);
                var cellNumber = 0;
                foreach (var cell in row.Elements<TableCell>())
                {
                    cellNumber++;
                    var properties = cell.TableCellProperties;
                    var span = Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, 1000);
                    var merge = properties?.VerticalMerge;
                    if (merge is not null && merge.Val?.Value != MergedCellValues.Restart && builder.ExtendDown(rowNumber, column))
                    {
                        column += span;
                        continue;
                    }

                    var text = string.Join('\n', cell.Elements<Paragraph>().Select(p => p.InnerText.Trim()).Where(t => t.Length > 0));
                    var read = new GridCell(0, 0, Grid.Clean(text))
                    {
                        ColumnSpan = span,
                        Reference = $"table[{number}].rows[{rowNumber}].cells[{cellNumber}]",
                        Position = (rowNumber, cellNumber),
                    };
                    column = builder.Place(rowNumber, column, read) + span;
                }
            }
        }

        return [builder.Build()];
    }
}
