using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace PerfEval.Import;

/// <summary>
/// Rebuilds a table from a PDF's text layer (PdfPig): the words of each page grouped into lines by their baseline, a
/// line split into cells where the gap between words is wider than a space, and cells given columns by their left
/// edges across the document. This reads tables whose cells start at their column's left edge and hold one line;
/// whatever does not line up is left for the table reader to report. A PDF without any text (a scanned image) is
/// PE6010.
/// </summary>
internal static class PdfGridReader
{
    private const double ColumnTolerance = 4;

    /// <summary>Reads a PDF.</summary>
    /// <param name="bytes">The file.</param>
    /// <param name="findings">Where PE6010 goes when there is no text layer.</param>
    /// <returns>One grid of the document's lines, or none.</returns>
    public static IReadOnlyList<Grid> Read(byte[] bytes, ImportFindings findings)
    {
        using var document = PdfDocument.Open(bytes);
        var lines = new List<(int Page, int Line, List<(double Left, string Text)> Cells)>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            var number = 0;
            foreach (var line in Lines(words))
            {
                number++;
                lines.Add((page.Number, number, Cells(line)));
            }
        }

        if (lines.Count == 0)
        {
            findings.AddForFile(Diagnostics.DiagnosticCodes.ImportNoTextLayer, ("file", findings.Source ?? string.Empty));
            return [];
        }

        var columns = Columns(lines.SelectMany(l => l.Cells.Select(c => c.Left)));
        var grid = new Grid();
        for (var row = 0; row < lines.Count; row++)
        {
            var (pageNumber, lineNumber, cells) = lines[row];
            foreach (var group in cells.GroupBy(c => Column(columns, c.Left)))
            {
                grid.Add(new GridCell(row + 1, group.Key, string.Join(' ', group.Select(c => c.Text)))
                {
                    Reference = $"page[{pageNumber}].line[{lineNumber}]",
                    Position = (lineNumber, group.Key),
                });
            }
        }

        return [grid];
    }

    /// <summary>Words whose baselines lie within half a word's height of each other, top to bottom.</summary>
    private static IEnumerable<List<Word>> Lines(List<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var height = Math.Max(1, word.BoundingBox.Height);
            var line = lines.Find(l => Math.Abs(l[0].BoundingBox.Bottom - word.BoundingBox.Bottom) < height / 2);
            if (line is null)
            {
                lines.Add([word]);
            }
            else
            {
                line.Add(word);
            }
        }

        return lines.Select(l => l.OrderBy(w => w.BoundingBox.Left).ToList());
    }

    /// <summary>A line's cells: words closer than 0.6 of their height belong to one cell.</summary>
    private static List<(double Left, string Text)> Cells(List<Word> line)
    {
        var cells = new List<(double Left, string Text)>();
        Word? previous = null;
        foreach (var word in line)
        {
            var gap = previous is null ? double.MaxValue : word.BoundingBox.Left - previous.BoundingBox.Right;
            if (previous is not null && gap < 0.6 * Math.Max(word.BoundingBox.Height, previous.BoundingBox.Height))
            {
                cells[^1] = (cells[^1].Left, cells[^1].Text + " " + word.Text);
            }
            else
            {
                cells.Add((word.BoundingBox.Left, word.Text));
            }

            previous = word;
        }

        return cells;
    }

    /// <summary>The left edges of the columns: the cells' left edges, those within a few points of each other taken as one.</summary>
    private static List<double> Columns(IEnumerable<double> lefts)
    {
        var columns = new List<double>();
        foreach (var left in lefts.Order())
        {
            if (columns.Count == 0 || left - columns[^1] > ColumnTolerance)
            {
                columns.Add(left);
            }
        }

        return columns;
    }

    private static int Column(List<double> columns, double left)
    {
        var index = columns.FindLastIndex(c => c <= left + ColumnTolerance);
        return Math.Max(0, index) + 1;
    }
}
