using PerfEval.Indicators;

namespace PerfEval.Review;

/// <summary>The completion of one kind of indicator (a level-2 group) across the reviewed submissions.</summary>
/// <param name="Kind">The level-2 group.</param>
/// <param name="Label">Its name in the review's language (数量指标, Quantity…).</param>
/// <param name="Indicators">Indicators of this kind in the evaluated submissions.</param>
/// <param name="Met">Those that met their targets.</param>
/// <param name="AverageCompletionRate">The mean completion rate (percent, two decimals) of those that have one; null when none has.</param>
public sealed record KindCompletion(Level2 Kind, string Label, int Indicators, int Met, decimal? AverageCompletionRate);
