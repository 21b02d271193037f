namespace PerfEval.Import;

/// <summary>The merged ranges of a worksheet (.xlsx or .xls): which positions they cover, and the cell each starts with.</summary>
internal sealed class SheetMerges
{
    private readonly Dictionary<(int Row, int Column), (int Rows, int Columns)> spans = [];
    private readonly HashSet<(int Row, int Column)> covered = [];

    /// <summary>Collects the ranges.</summary>
    /// <param name="ranges">Each range's first and last row and column, 1-based and inclusive.</param>
    public SheetMerges(IEnumerable<(int Row, int Column, int LastRow, int LastColumn)> ranges)
    {
        foreach (var (row, column, lastRow, lastColumn) in ranges)
        {
            spans[(row, column)] = (lastRow - row + 1, lastColumn - column + 1);
            for (var r = row; r <= lastRow; r++)
            {
                for (var c = column; c <= lastColumn; c++)
                {
                    if ((r, c) != (row, column))
                    {
                        covered.Add((r, c));
                    }
                }
            }
        }
    }

    /// <summary>The first positions of the ranges.</summary>
    public IEnumerable<(int Row, int Column)> Origins => spans.Keys;

    /// <summary>True when a position lies inside a range but is not its first cell (its content, if any, is hidden).</summary>
    /// <param name="at">The position.</param>
    /// <returns>True when covered.</returns>
    public bool Covers((int Row, int Column) at) => covered.Contains(at);

    /// <summary>The cell of a sheet at a position, with the span of the range it starts; null for an empty cell that starts none.</summary>
    /// <param name="sheet">The sheet's name, for the reference.</param>
    /// <param name="at">The position.</param>
    /// <param name="value">The text as shown, the number and whether it is a percentage.</param>
    /// <returns>The cell, or null.</returns>
    public GridCell? Cell(string sheet, (int Row, int Column) at, (string Text, decimal? Number, bool Percent) value)
    {
        var (rows, columns) = spans.GetValueOrDefault(at, (1, 1));
        if (value.Text.Length == 0 && value.Number is null && (rows, columns) == (1, 1))
        {
            return null;
        }

        return new GridCell(at.Row, at.Column, value.Text)
        {
            Number = value.Number,
            IsPercent = value.Percent,
            RowSpan = rows,
            ColumnSpan = columns,
            Reference = $"{sheet}!{XlsxGridReader.Reference(at.Row, at.Column)}",
            Position = at,
        };
    }
}
