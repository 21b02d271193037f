using System.Globalization;

namespace PerfEval.Indicators;

// Figures: reading a number written in a file or a notation, and writing one for display.
internal static partial class Notation
{
    public static bool TryDecimal(string text, out decimal value) => TryDecimal(text.AsSpan(), out value);

    public static bool TryDecimal(ReadOnlySpan<char> text, out decimal value) =>
        TryPlainDecimal(text, out value)
        || decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The numbers files hold most (<c>40</c>, <c>3877.67</c>, <c>95.5</c>): ASCII digits with at most one point inside, at
    /// most 18 digits, read straight into a decimal with the scale written (<c>1.50</c> stays 1.50, as
    /// <see cref="decimal.Parse(string)"/> keeps it). Anything else (a sign, separators, an exponent) is left to the full parse.
    /// </summary>
    private static bool TryPlainDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;

        // 19 characters hold 18 digits only with a point; 19 digits may pass a long: the full parse then.
        if (text.IsEmpty || text.Length > 19 || (text.Length == 19 && !text.Contains('.')) || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[^1]))
        {
            return false;
        }

        long mantissa = 0;
        var scale = -1;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (c - '0');
                scale += scale >= 0 ? 1 : 0;
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        value = new decimal(unchecked((int)mantissa), unchecked((int)(mantissa >> 32)), 0, false, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>
    /// True when <paramref name="normalized"/> is a number written in ASCII digits (a sign, thousands separators, a
    /// fraction, then a percent sign or a unit) that a decimal cannot hold.
    /// </summary>
    public static bool IsNumberOutOfRange(string normalized)
    {
        var span = normalized.AsSpan();
        var end = span.Length > 0 && span[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || (digits > 0 && span[end] is ',' or '.')))
        {
            digits += char.IsAsciiDigit(span[end]) ? 1 : 0;
            end++;
        }

        // Well-formed (a double reads it) but not a decimal: too large.
        var number = span[..end];
        return digits > 0 && IsUnit(span[end..].TrimStart('%')) && !TryDecimal(number, out _) && double.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>Formats a number for display: no trailing zeros, invariant culture (2300, 95, 202.6).</summary>
    public static string Number(decimal value) =>
        value != 0 && value > -1e15m && value < 1e15m && value == decimal.Truncate(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("0.############################", CultureInfo.InvariantCulture);
}
