using PerfEval.Actuals;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Evaluation;

/// <summary>Evaluates a programme's actuals against its indicator set. Implementations are safe to share across threads.</summary>
public interface IEvaluator
{
    /// <summary>Evaluates one programme's year.</summary>
    /// <param name="indicatorSet">The targets.</param>
    /// <param name="actuals">The year's results.</param>
    /// <returns>The figures, the grade and every finding; never throws for bad input.</returns>
    EvaluationResult Evaluate(IndicatorSet indicatorSet, ProgrammeActuals actuals);

    /// <summary>Evaluates one programme's year.</summary>
    /// <param name="programme">The targets and the year's results.</param>
    /// <returns>The figures, the grade and every finding; never throws for bad input.</returns>
    EvaluationResult Evaluate(Programme programme);
}
