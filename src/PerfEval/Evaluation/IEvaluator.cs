using System.Globalization;
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

    /// <summary>Evaluates one programme's year, writing the findings' messages and labels in <paramref name="culture"/>.</summary>
    /// <param name="indicatorSet">The targets.</param>
    /// <param name="actuals">The year's results.</param>
    /// <param name="culture">The language of this evaluation's text, whatever the evaluator's default and the thread's culture.</param>
    /// <returns>The figures, the grade and every finding; never throws for bad input.</returns>
    EvaluationResult EvaluateIn(IndicatorSet indicatorSet, ProgrammeActuals actuals, CultureInfo culture);

    /// <summary>Evaluates one programme's year, writing the findings' messages and labels in <paramref name="culture"/>.</summary>
    /// <param name="programme">The targets and the year's results.</param>
    /// <param name="culture">The language of this evaluation's text, whatever the evaluator's default and the thread's culture.</param>
    /// <returns>The figures, the grade and every finding; never throws for bad input.</returns>
    EvaluationResult EvaluateIn(Programme programme, CultureInfo culture);
}
