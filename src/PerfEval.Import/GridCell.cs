namespace PerfEval.Import;

/// <summary>
/// One cell of a submitted table as read from its file: where it starts, how far it spans, its text as shown, and its
/// number when the file stores one (a spreadsheet's numeric cell). A merged cell is one <see cref="GridCell"/> that
/// every position it covers points to.
/// </summary>
/// <param name="Row">The first row (1-based, in the grid of the whole document).</param>
/// <param name="Column">The first column (1-based).</param>
/// <param name="Text">The text as shown, trimmed; a numeric cell's number in invariant culture ("99.57%" for a percentage).</param>
internal sealed record GridCell(int Row, int Column, string Text)
{
    /// <summary>The number a spreadsheet stores, in percent for a cell shown as a percentage; null for text.</summary>
    public decimal? Number { get; init; }

    /// <summary>True when the number is shown as a percentage (its <see cref="Number"/> is then in percent).</summary>
    public bool IsPercent { get; init; }

    /// <summary>How many rows the cell spans.</summary>
    public int RowSpan { get; init; } = 1;

    /// <summary>How many columns the cell spans.</summary>
    public int ColumnSpan { get; init; } = 1;

    /// <summary>Where the cell is in the file, as a reader names it: <c>自评表!C12</c>, <c>table[1].rows[5].cells[3]</c>, <c>page[2].line[7]</c>.</summary>
    public required string Reference { get; init; }

    /// <summary>The row and column in the file's own terms (a sheet's row and column, a table's row and cell, a page's line and word).</summary>
    public required (int Line, int Column) Position { get; init; }

    /// <summary>True when the cell has neither text nor a number.</summary>
    public bool IsEmpty => Text.Length == 0 && Number is null;
}
