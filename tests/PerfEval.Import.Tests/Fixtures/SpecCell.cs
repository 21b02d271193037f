namespace PerfEval.Import.Tests.Fixtures;

/// <summary>A cell of a test table: its text as shown, its spans, and for spreadsheets the number and format stored.</summary>
public sealed record SpecCell(string Text, int RowSpan = 1, int ColSpan = 1)
{
    /// <summary>The number a spreadsheet stores (0.9957 for a cell shown as 99.57%).</summary>
    public double? Number { get; init; }

    /// <summary>The spreadsheet number format ("0.00%", "0.00").</summary>
    public string? Format { get; init; }

    public static implicit operator SpecCell(string text) => new(text);
}
