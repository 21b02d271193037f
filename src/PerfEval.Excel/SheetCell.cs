namespace PerfEval.Excel;

/// <summary>One cell of the sheet: text or a number, its style, and the range it spans when it is merged.</summary>
/// <param name="Text">The text, or null for a number cell or an empty cell.</param>
/// <param name="Number">The number, or null.</param>
/// <param name="Style">The style.</param>
/// <param name="RowSpan">Rows covered (1 unless merged).</param>
/// <param name="ColumnSpan">Columns covered (1 unless merged).</param>
/// <param name="Covered">True for a cell inside a merged range other than its top-left one.</param>
/// <param name="Format">
/// For a quantity written as text in the table (an actual 2781, 98%, 12166名): the index of its number format in
/// <see cref="SheetLayout.NumberFormats"/>; the cell then holds <paramref name="Number"/> and keeps <paramref name="Text"/> for sizing.
/// </param>
internal sealed record SheetCell(string? Text, decimal? Number, CellStyle Style, int RowSpan = 1, int ColumnSpan = 1, bool Covered = false, int? Format = null);
