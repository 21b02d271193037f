using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfEval.Indicators;

/// <summary>The shared reading of the notations that real tables use for targets and actuals (section 3 of the domain rules).</summary>
internal static partial class Notation
{
    /// <summary>The longest text taken as a unit glued to a number ("元/人/月", "个百分点"); longer tails are prose.</summary>
    private const int MaxUnitLength = 8;

    /// <summary>Folds full-width digits and signs, the alternative operator glyphs and TeX remnants into one ASCII form.</summary>
    public static string Normalize(string text)
    {
        if (IsPlain(text))
        {
            return text;
        }

        // One pass: glyphs folded, '$' dropped, runs of white space made one space, none at either end.
        Span<char> buffer = text.Length <= 128 ? stackalloc char[text.Length * 2] : new char[text.Length * 2];
        var n = 0;
        var space = false;
        foreach (var ch in text)
        {
            var c = ch is >= '０' and <= '９' ? (char)('0' + (ch - '０')) : ch;
            if (c == '$')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && n > 0)
            {
                buffer[n++] = ' ';
            }

            space = false;
            switch (c)
            {
                case '％': buffer[n++] = '%'; break;
                case '．': buffer[n++] = '.'; break;
                case '＋': buffer[n++] = '+'; break;
                case '－': buffer[n++] = '-'; break;
                case '＞': case '﹥': buffer[n++] = '>'; break;
                case '＜': case '﹤': buffer[n++] = '<'; break;
                case '＝': case '﹦': case '═': buffer[n++] = '='; break;
                case '≥': case '≧': case '⩾': buffer[n++] = '>'; buffer[n++] = '='; break;
                case '≤': case '≦': case '⩽': buffer[n++] = '<'; buffer[n++] = '='; break;
                default: buffer[n++] = c; break;
            }
        }

        var folded = buffer[..n];
        if (folded.IndexOf('\\') < 0 && folded.IndexOf("==", StringComparison.Ordinal) < 0)
        {
            return folded.SequenceEqual(text) ? text : new string(folded);
        }

        return new string(folded)
            .Replace("\\geq", ">=", StringComparison.Ordinal)
            .Replace("\\leq", "<=", StringComparison.Ordinal)
            .Replace("\\ge", ">=", StringComparison.Ordinal)
            .Replace("\\le", "<=", StringComparison.Ordinal)
            .Replace("\\%", "%", StringComparison.Ordinal)
            .Replace("==", "=", StringComparison.Ordinal)
            .Trim();
    }

    /// <summary>True when <see cref="Normalize"/> would change nothing: the common case, checked without allocating.</summary>
    private static bool IsPlain(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return text.Length == 0;
        }

        var space = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if ((isSpace && (space || c != ' ')) || c is (>= '０' and <= '９') or '％' or '．' or '＋' or '－' or '＞' or '﹥' or '＜' or '﹤' or '＝' or '﹦' or '═'
                or '≥' or '≧' or '⩾' or '≤' or '≦' or '⩽' or '$' or '\\' or '=')
            {
                return false;
            }

            space = isSpace;
        }

        return true;
    }

    /// <summary>
    /// Matches a source-generated pattern. Text reaching the patterns has its spaces collapsed, so no pattern meets the
    /// long runs that make backtracking slow; the time limit stays as a guard, and running into it means "no match".
    /// </summary>
    private static Match Safe(Regex pattern, string text)
    {
        try
        {
            return pattern.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return Match.Empty;
        }
    }

    /// <summary>Reads "2300", "95%", "12166名", "3000元/人" (a number with a short unit and nothing else).</summary>
    public static bool TryReadQuantity(string normalized, out decimal value, out bool percent, out string? unit)
    {
        // Most text is no number at all: only text starting with a digit or a sign goes to the pattern.
        if (normalized.Length == 0 || !(char.IsAsciiDigit(normalized[0]) || normalized[0] is '+' or '-'))
        {
            value = 0;
            percent = false;
            unit = null;
            return false;
        }

        // A number without thousands separators, with or without a percent sign and a unit (the common case), is read
        // without the pattern; the pattern decides the rest.
        if (TryShortQuantity(normalized, out value, out percent, out unit) is { } read)
        {
            return read;
        }

        var m = Safe(QuantityPattern(), normalized);
        if (m.Success && IsUnit(m.Groups["unit"].Value) && TryDecimal(m.Groups["num"].Value, out value))
        {
            percent = m.Groups["pct"].Success;
            unit = m.Groups["unit"].Value.Trim() is { Length: > 0 } u ? u : null;
            return true;
        }

        value = 0;
        percent = false;
        unit = null;
        return false;
    }

    /// <summary>
    /// Reads what <see cref="QuantityPattern"/> reads when the number has no thousands separators: an optional sign,
    /// digits, an optional fraction, then an optional percent sign and a short unit with no digit ("2300", "95%",
    /// "12166名", "3000元/人"). Null when the pattern must decide (a comma after the digits, a digit further on).
    /// </summary>
    private static bool? TryShortQuantity(string text, out decimal value, out bool percent, out string? unit)
    {
        value = 0;
        percent = false;
        unit = null;
        var i = text[0] is '+' or '-' ? 1 : 0;
        var digits = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == digits)
        {
            // No digit after the sign: no number, unless the next character is a digit of another script.
            return i < text.Length && char.IsDigit(text[i]) ? null : false;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i += 2;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        var number = text.AsSpan(0, i);
        var tail = text.AsSpan(i);
        if ((tail.Length > 0 && tail[0] == ',') || ContainsDigit(tail))
        {
            return null;
        }

        tail = tail.TrimStart();
        if (tail.Length > 0 && tail[0] == '%')
        {
            percent = true;
            tail = tail[1..];
        }

        tail = tail.Trim();
        if (!IsUnit(tail) || !TryDecimal(number, out value))
        {
            value = 0;
            percent = false;
            return false;
        }

        unit = tail.Length > 0 ? tail.ToString() : null;
        return true;
    }

    /// <summary>True when the text holds a digit of any script, those written as a surrogate pair (𝟏, U+1D7CF) included.</summary>
    private static bool ContainsDigit(ReadOnlySpan<char> text)
    {
        foreach (var r in text.EnumerateRunes())
        {
            if (Rune.IsDigit(r))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads "18—54周岁", "90%-95%", "1~3" as a range; "1-6期培训结束后及时考核" is prose, not a range.</summary>
    public static bool TryReadRange(string normalized, out decimal low, out decimal high, out bool percent, out string? unit)
    {
        var m = normalized.Length > 0 && char.IsAsciiDigit(normalized[0]) ? Safe(RangePattern(), normalized) : Match.Empty;
        if (m.Success && IsUnit(m.Groups["unit"].Value)
            && TryDecimal(m.Groups["lo"].Value, out low) && TryDecimal(m.Groups["hi"].Value, out high) && low <= high)
        {
            percent = m.Groups["pct1"].Success || m.Groups["pct2"].Success;
            unit = m.Groups["unit"].Value.Trim() is { Length: > 0 } u ? u : null;
            return true;
        }

        low = high = 0;
        percent = false;
        unit = null;
        return false;
    }

    /// <summary>
    /// Reads "12月底前", "9月底前", "12月31日前", "2025年12月31日前", "2025-12-31前", with "完成" or "已完成" after it as an
    /// actual says it ("3月底前已完成"); a year is one of 1900–2999 in both notations.
    /// </summary>
    public static bool TryReadDeadline(string normalized, out Deadline deadline)
    {
        var m = normalized.Contains('月') ? Safe(DeadlinePattern(), normalized) : Match.Empty;
        if (m.Success)
        {
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : (int?)null;
            if (year is null or (>= 1900 and <= 2999) && month is >= 1 and <= 12 && (day is null || (day >= 1 && day <= DateTime.DaysInMonth(year ?? 2024, month))))
            {
                deadline = new Deadline(month, day, year);
                return true;
            }
        }

        var iso = IsoDeadline(normalized);
        if (iso.Success && DateOnly.TryParseExact(iso.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 2999)
        {
            deadline = new Deadline(date.Month, date.Day, date.Year);
            return true;
        }

        deadline = null!;
        return false;
    }

    /// <summary>
    /// True for text shaped like a deadline (…月底前, …月…日前, ####-##-##前) whatever its numbers, so that 13月底前 is not
    /// read as a quantity, nor 0001-01-01前 as wording.
    /// </summary>
    public static bool LooksLikeDeadline(string normalized) =>
        normalized.Contains('月') ? Safe(DeadlineShape(), normalized).Success : IsoDeadline(normalized).Success;

    /// <summary>The ISO notation of a deadline ("2025-12-31前"), whatever its numbers; only text that can be one goes to the pattern.</summary>
    private static Match IsoDeadline(string normalized) =>
        normalized.Length >= 11 && char.IsAsciiDigit(normalized[0]) ? Safe(IsoDeadlinePattern(), normalized) : Match.Empty;

    /// <summary>Reads a calendar date: "2025-11-20", "2025/11/20", "2025年11月20日".</summary>
    public static bool TryReadDate(string normalized, out DateOnly date)
    {
        var m = normalized.Length >= 8 && char.IsAsciiDigit(normalized[0]) ? Safe(DatePattern(), normalized) : Match.Empty;
        if (m.Success)
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (y is >= 1900 and <= 2999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
            {
                date = new DateOnly(y, mo, d);
                return true;
            }
        }

        date = default;
        return false;
    }

    private static bool IsUnit(string tail) => IsUnit(tail.AsSpan());

    private static bool IsUnit(ReadOnlySpan<char> tail)
    {
        var t = tail.Trim();
        if (t.Length > MaxUnitLength)
        {
            return false;
        }

        // A unit does not start with a number of any kind: "1½" is not 1 of the unit "½", nor "3①" 3 of "①".
        if (!t.IsEmpty && Rune.DecodeFromUtf16(t, out var first, out _) == OperationStatus.Done && Rune.IsNumber(first))
        {
            return false;
        }

        // No digit of any script, no mark that starts another standard, and nothing that shows nothing: a control or
        // format character (U+200B) or half a surrogate pair hides what the unit says ("95\u200B%" would be 95, not 95 %).
        while (!t.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(t, out var r, out var length) != OperationStatus.Done || Rune.IsDigit(r) || Rune.IsControl(r)
                || Rune.GetUnicodeCategory(r) == UnicodeCategory.Format
                || r.Value is '，' or ',' or '、' or '；' or ';' or '。' or '(' or '（' or '=' or '<' or '>')
            {
                return false;
            }

            t = t[length..];
        }

        return true;
    }

    [GeneratedRegex(@"^(?<num>[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[+-]?[0-9]+(?:\.[0-9]+)?)\s*(?<pct>%)?\s*(?<unit>[^0-9]*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^(?<lo>[0-9]+(?:\.[0-9]+)?)\s*(?<pct1>%)?\s*(?:-|—|–|~|～|至|到|－)+\s*(?<hi>[0-9]+(?:\.[0-9]+)?)\s*(?<pct2>%)?\s*(?<unit>[^0-9]*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(?:(?<y>[0-9]{4})\s*年\s*)?(?<m>[0-9]{1,2})\s*月\s*(?:底|末|(?<d>[0-9]{1,2})\s*日)?\s*(?:前|之前|以前)(?:已?完成)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex DeadlinePattern();

    [GeneratedRegex(@"^(?:[0-9]+\s*年\s*)?[0-9]+\s*月\s*(?:底|末|[0-9]+\s*日)?\s*(?:前|之前|以前)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex DeadlineShape();

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})\s*(?:前|之前|以前)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex IsoDeadlinePattern();

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*(?:-|/|\.|年)\s*(?<m>[0-9]{1,2})\s*(?:-|/|\.|月)\s*(?<d>[0-9]{1,2})\s*日?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex DatePattern();
}
