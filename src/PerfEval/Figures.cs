namespace PerfEval;

/// <summary>
/// The one place where PerfEval rounds a figure: two decimals, half away from zero (四舍五入).
/// </summary>
public static class Figures
{
    /// <summary>Rounds <paramref name="value"/> to two decimals, half away from zero.</summary>
    /// <param name="value">An exact (unrounded) figure.</param>
    /// <returns>The figure as it is shown and stored: two decimals.</returns>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Rounds to <paramref name="decimals"/> decimals, half away from zero: a recomputed figure at a stated figure's precision.</summary>
    internal static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Rounds <paramref name="ratio"/> × 100 to a percentage with two decimals, half away from zero.</summary>
    /// <param name="ratio">A fraction such as 0.995737.</param>
    /// <returns>The percentage, for example 99.57.</returns>
    public static decimal Percent(decimal ratio) => Round(ratio * 100m);

    /// <summary>
    /// The sum of one figure over some rows (the sources' initial budgets, their spending), when there are rows and every
    /// one of them gives the figure; null otherwise, since a sum with a row left out is no total.
    /// </summary>
    internal static decimal? SumOfAll<T>(IEnumerable<T> rows, Func<T, decimal?> figure)
    {
        decimal? sum = null;
        foreach (var row in rows)
        {
            if (figure(row) is not { } v)
            {
                return null;
            }

            sum = (sum ?? 0m) + v;
        }

        return sum;
    }
}
