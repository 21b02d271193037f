using System.Globalization;

namespace PerfEval.Reporting;

/// <summary>One cell of the table: its text as printed, and its number when it is one.</summary>
/// <param name="Text">The text as printed ("99.57%", "—", "≥2300人").</param>
/// <param name="Number">The number, for <see cref="CellKind.Number"/> and <see cref="CellKind.Percent"/> cells that have one.</param>
/// <param name="Kind">What the cell holds.</param>
public sealed record TableCell(string Text, decimal? Number, CellKind Kind)
{
    /// <summary>A text cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell.</returns>
    public static TableCell Of(string text) => new(text, null, CellKind.Text);

    /// <summary>A number cell ("—" when there is no number).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The cell.</returns>
    public static TableCell Of(decimal? value) =>
        new(value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—", value, CellKind.Number);

    /// <summary>A percentage cell ("—" when there is no rate).</summary>
    /// <param name="percent">The rate in percent.</param>
    /// <returns>The cell.</returns>
    public static TableCell Percent(decimal? percent) =>
        new(percent is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—", percent, CellKind.Percent);
}
