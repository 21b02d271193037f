using System.Globalization;

namespace PerfEval.Indicators;

/// <summary>A deadline such as 12月底前 (end of December) or 2025年9月30日前.</summary>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="Day">The day of the month; <see langword="null"/> for the end of the month (月底).</param>
/// <param name="Year">The year; <see langword="null"/> for the indicator set's year.</param>
public sealed record Deadline(int Month, int? Day = null, int? Year = null)
{
    /// <summary>The last day that still meets the deadline.</summary>
    /// <param name="defaultYear">The year to use when the deadline names none (the indicator set's year).</param>
    /// <returns>The date.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The month is not 1 to 12, or the year not 1 to 9999.</exception>
    public DateOnly LastDay(int defaultYear)
    {
        var year = Year ?? defaultYear;
        var last = DateTime.DaysInMonth(year, Month);

        // A day past the month's end (2月29日 in a common year) is rejected when the set is checked; here it means the month's end.
        return new DateOnly(year, Month, Math.Min(Day ?? last, last));
    }

    /// <summary>The deadline in the notation of the tables: 12月底前, 12月31日前, 2025年12月31日前.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var year = Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年" : string.Empty;
        var day = Day is { } d ? d.ToString(CultureInfo.InvariantCulture) + "日" : "底";
        return $"{year}{Month.ToString(CultureInfo.InvariantCulture)}月{day}前";
    }
}
