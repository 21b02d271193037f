using System.Globalization;

namespace PerfEval.Import;

/// <summary>How a spreadsheet shows a number: as a percentage or not, and with how many decimals (null: as stored).</summary>
/// <param name="IsPercent">True for a percentage format (0%, 0.00%).</param>
/// <param name="Decimals">The decimals the format shows; null for the general format.</param>
internal readonly record struct CellNumber(bool IsPercent, int? Decimals)
{
    /// <summary>The general format: the number as stored.</summary>
    public static CellNumber General => new(false, null);

    /// <summary>The shape of one of Excel's built-in number formats, by id.</summary>
    /// <param name="id">The format id.</param>
    /// <returns>The shape.</returns>
    public static CellNumber BuiltIn(uint id) => id switch
    {
        1 or 3 or 37 or 38 => new(false, 0),
        2 or 4 or 39 or 40 or 11 => new(false, 2),
        9 => new(true, 0),
        10 => new(true, 2),
        _ => General,
    };

    /// <summary>The shape of a format code such as <c>0.00%</c> or <c>#,##0.0</c> (its first section).</summary>
    /// <param name="code">The format code.</param>
    /// <returns>The shape.</returns>
    public static CellNumber Of(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Equals("General", StringComparison.OrdinalIgnoreCase) || code == "@")
        {
            return General;
        }

        var section = code.Split(';')[0];
        var percent = section.Contains('%', StringComparison.Ordinal);
        var dot = section.IndexOf('.', StringComparison.Ordinal);
        var decimals = 0;
        if (dot >= 0)
        {
            for (var i = dot + 1; i < section.Length && section[i] is '0' or '#'; i++)
            {
                decimals++;
            }
        }

        return new(percent, section.Contains('0', StringComparison.Ordinal) || percent ? decimals : null);
    }

    /// <summary>A stored value as shown: in percent for a percentage, rounded half away from zero to the format's decimals.</summary>
    /// <param name="stored">The stored value.</param>
    /// <returns>The number shown.</returns>
    public decimal Shown(decimal stored)
    {
        var value = IsPercent ? stored * 100m : stored;
        return Decimals is { } d ? Math.Round(value, d, MidpointRounding.AwayFromZero) : value;
    }

    /// <summary>A shown number as text: "99.57%" for a percentage, "3877.67" otherwise.</summary>
    /// <param name="shown">The number shown.</param>
    /// <returns>The text.</returns>
    public string Text(decimal shown) => shown.ToString(CultureInfo.InvariantCulture) + (IsPercent ? "%" : string.Empty);
}
