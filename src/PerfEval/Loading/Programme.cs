using PerfEval.Actuals;
using PerfEval.Indicators;

namespace PerfEval.Loading;

/// <summary>A programme ready to evaluate: its indicator set and one year's actuals.</summary>
/// <param name="IndicatorSet">The targets.</param>
/// <param name="Actuals">The year's results.</param>
public sealed record Programme(IndicatorSet IndicatorSet, ProgrammeActuals Actuals);
