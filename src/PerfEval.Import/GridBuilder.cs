namespace PerfEval.Import;

/// <summary>
/// Lays the cells of document tables (HTML, Word) on one grid: each table below the one before, each cell at the first
/// free column of its row, with its row and column spans (HTML rowspan and colspan; Word's gridSpan and vMerge).
/// </summary>
internal sealed class GridBuilder
{
    private readonly HashSet<(int Row, int Column)> taken = [];
    private readonly List<Pending> cells = [];
    private int tableTop = 1;
    private int tableRows;

    /// <summary>Starts the next table below the ones before.</summary>
    public void NextTable()
    {
        tableTop += tableRows;
        tableRows = 0;
    }

    /// <summary>Places a cell in a row of the current table, at the first free column from <paramref name="fromColumn"/>.</summary>
    /// <param name="row">The row within the table (1-based).</param>
    /// <param name="fromColumn">The first column it may take (1-based).</param>
    /// <param name="cell">The cell's text, spans and reference (its row and column are set here).</param>
    /// <returns>The column it was placed at.</returns>
    public int Place(int row, int fromColumn, GridCell cell)
    {
        var r = tableTop + row - 1;
        var c = fromColumn;
        while (taken.Contains((r, c)))
        {
            c++;
        }

        var pending = new Pending(cell with { Row = r, Column = c });
        cells.Add(pending);
        Take(pending);
        tableRows = Math.Max(tableRows, row + cell.RowSpan - 1);
        return c;
    }

    /// <summary>Extends the cell above a Word continuation cell (vMerge) down by one row, if there is one at that column.</summary>
    /// <param name="row">The continuation cell's row within the table.</param>
    /// <param name="column">Its column.</param>
    /// <returns>True when a cell above was extended.</returns>
    public bool ExtendDown(int row, int column)
    {
        var r = tableTop + row - 1;
        var above = cells.FindLast(p => p.Cell.Column == column && p.Cell.Row + p.Cell.RowSpan == r);
        if (above is null)
        {
            return false;
        }

        above.Cell = above.Cell with { RowSpan = above.Cell.RowSpan + 1 };
        Take(above);
        tableRows = Math.Max(tableRows, row);
        return true;
    }

    /// <summary>The grid of every table placed.</summary>
    /// <returns>The grid.</returns>
    public Grid Build()
    {
        var grid = new Grid();
        foreach (var p in cells)
        {
            grid.Add(p.Cell);
        }

        return grid;
    }

    private void Take(Pending p)
    {
        for (var r = p.Cell.Row; r < p.Cell.Row + p.Cell.RowSpan; r++)
        {
            for (var c = p.Cell.Column; c < p.Cell.Column + p.Cell.ColumnSpan; c++)
            {
                taken.Add((r, c));
            }
        }
    }

    private sealed class Pending(GridCell cell)
    {
        public GridCell Cell { get; set; } = cell;
    }
}
