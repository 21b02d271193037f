using PerfEval;
using PerfEval.Actuals;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace Samples;

public static class FromJsonText
{
    /// <summary>
    /// Evaluates documents held in memory (from a database, an upload…). The source names appear in the diagnostics
    /// in place of file names.
    /// </summary>
    public static EvaluationResult Evaluate(string indicatorSetJson, string actualsJson)
    {
        LoadResult<IndicatorSet> indicatorSet = PerfEvalJson.ReadIndicatorSet(indicatorSetJson, "indicators.json");
        LoadResult<ProgrammeActuals> actuals = PerfEvalJson.ReadActuals(actualsJson, "actuals.json");

        // GetValueOrThrow throws a PerfEvalException carrying the diagnostics when a document has errors.
        return new Evaluator().Evaluate(indicatorSet.GetValueOrThrow(), actuals.GetValueOrThrow());
    }

    /// <summary>The same from UTF-8 streams, with the errors written out instead of thrown.</summary>
    public static EvaluationResult? TryEvaluate(Stream indicatorSet, Stream actuals, TextWriter errors)
    {
        try
        {
            return new Evaluator().Evaluate(
                PerfEvalJson.ReadIndicatorSet(indicatorSet, "indicators.json").GetValueOrThrow(),
                PerfEvalJson.ReadActuals(actuals, "actuals.json").GetValueOrThrow());
        }
        catch (PerfEvalException e)
        {
            foreach (var d in e.Diagnostics)
            {
                errors.WriteLine($"{d.Code} {d.Severity} at {d.Location?.Source}({d.Location?.Line},{d.Location?.Column}) {d.Path}: {d.Message}");
            }

            return null;
        }
    }
}
