using PerfEval.Actuals;
using PerfEval.Indicators;

namespace PerfEval.Evaluation;

/// <summary>One indicator as a step sees it: its position in the set, its definition and the actual given for it.</summary>
/// <param name="Position">The indicator's position in the set.</param>
/// <param name="Definition">The indicator.</param>
/// <param name="Given">The entry of the actuals for it; null when there is none.</param>
internal readonly record struct IndicatorInput(int Position, IndicatorDefinition Definition, IndicatorActual? Given)
{
    /// <summary>The indicator's path in the actuals (<c>$.indicators.id</c>): made only when a finding needs it.</summary>
    public string ActualsPath => Loading.JsonTree.IndicatorPath(Definition.Id);
}
