using System.Text;

namespace PerfEval.Import;

/// <summary>
/// The cells of a submitted document laid on one grid of rows and columns: a spreadsheet's sheet, or a document's
/// tables stacked one below the other. Every position a merged cell covers returns that cell.
/// </summary>
internal sealed class Grid
{
    private readonly Dictionary<(int Row, int Column), GridCell> positions = [];
    private readonly List<GridCell> cells = [];

    /// <summary>The last row used.</summary>
    public int Rows { get; private set; }

    /// <summary>The last column used.</summary>
    public int Columns { get; private set; }

    /// <summary>The cells, each once, in the order they were added.</summary>
    public IReadOnlyList<GridCell> Cells => cells;

    /// <summary>The cell at a position (the merged cell that covers it), if any.</summary>
    /// <param name="row">The row (1-based).</param>
    /// <param name="column">The column (1-based).</param>
    public GridCell? this[int row, int column] => positions.GetValueOrDefault((row, column));

    /// <summary>Adds a cell; positions already taken keep their cell.</summary>
    /// <param name="cell">The cell.</param>
    public void Add(GridCell cell)
    {
        cells.Add(cell);
        for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
        {
            for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
            {
                positions.TryAdd((r, c), cell);
            }
        }

        Rows = Math.Max(Rows, cell.Row + cell.RowSpan - 1);
        Columns = Math.Max(Columns, cell.Column + cell.ColumnSpan - 1);
    }

    /// <summary>The distinct cells of a row that start in it or reach into it, left to right.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The cells.</returns>
    public IEnumerable<GridCell> Row(int row)
    {
        GridCell? previous = null;
        for (var c = 1; c <= Columns; c++)
        {
            if (this[row, c] is { } cell && !ReferenceEquals(cell, previous))
            {
                previous = cell;
                yield return cell;
            }
        }
    }

    /// <summary>A label's text made comparable: no white space of any kind, full-width brackets and colons as ASCII.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The key.</returns>
    public static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u3000')
            {
                continue;
            }

            sb.Append(ch switch { '（' => '(', '）' => ')', '：' => ':', _ => ch });
        }

        return sb.ToString();
    }

    /// <summary>Text as read from a file: line breaks as \n, runs of spaces kept, the ends trimmed.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cleaned text.</returns>
    public static string Clean(string? text) =>
        (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' ').Trim();
}
