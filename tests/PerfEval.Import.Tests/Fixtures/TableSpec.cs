namespace PerfEval.Import.Tests.Fixtures;

/// <summary>
/// A test table written the way HTML writes one (a cell covered by a rowspan or colspan from elsewhere is left out),
/// and rendered as .html, .docx, .xlsx and .xls, so that the same layout is read from every format.
/// </summary>
public sealed class TableSpec
{
    public List<List<SpecCell>> Rows { get; } = [];

    public TableSpec Row(params SpecCell[] cells)
    {
        Rows.Add([.. cells]);
        return this;
    }

    /// <summary>The cells at their grid positions (0-based), as HTML lays them out.</summary>
    public List<(int Row, int Column, SpecCell Cell)> Placed()
    {
        var taken = new HashSet<(int, int)>();
        var placed = new List<(int, int, SpecCell)>();
        for (var r = 0; r < Rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in Rows[r])
            {
                while (taken.Contains((r, c)))
                {
                    c++;
                }

                placed.Add((r, c, cell));
                for (var y = r; y < r + cell.RowSpan; y++)
                {
                    for (var x = c; x < c + cell.ColSpan; x++)
                    {
                        taken.Add((y, x));
                    }
                }

                c += cell.ColSpan;
            }
        }

        return placed;
    }
}
