namespace PerfEval.Evaluation;

/// <summary>The unrounded outcome of comparing one actual with its target.</summary>
/// <param name="Completion">The completion ratio (1 = 100 %); null where no ratio is defined.</param>
/// <param name="Status">Whether the target was reached.</param>
/// <param name="Share">The share of the weight earned, 0 to 1.</param>
internal readonly record struct Outcome(decimal? Completion, IndicatorStatus Status, decimal Share);
