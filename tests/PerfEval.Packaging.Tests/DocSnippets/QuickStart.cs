using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace Samples;

public static class QuickStart
{
    /// <summary>Reads a programme folder (indicators.json and actuals.json), evaluates it and prints the figures.</summary>
    public static EvaluationResult? EvaluateFolder(string folder, TextWriter output)
    {
        LoadResult<Programme> load = PerfEvalJson.ReadProgrammeFolder(folder);
        if (!load.Succeeded)
        {
            foreach (var diagnostic in load.Diagnostics)
            {
                output.WriteLine(diagnostic);   // file(line,column) path: severity code: message
            }

            return null;
        }

        IEvaluator evaluator = new Evaluator();   // the national rules (mof-2020); one evaluator serves every thread
        EvaluationResult result = evaluator.Evaluate(load.Value!);

        output.WriteLine($"{result.Name}: {result.Budget.ExecutionRate} % executed, {result.TotalScore} of {result.TotalWeight} points, grade {result.Grade.Label}");
        foreach (var indicator in result.Indicators.Where(i => i.Status != IndicatorStatus.Met))
        {
            output.WriteLine($"  {indicator.Name}: {indicator.Actual?.Text} against {indicator.Target.Display}, {indicator.CompletionRate} %, {indicator.Score} of {indicator.Weight}");
        }

        foreach (var finding in result.Findings)   // errors first, then warnings, then info
        {
            output.WriteLine(finding);
        }

        return result;
    }

    /// <summary>The result as the JSON described in result-json.md (what `perfeval evaluate --format json` prints).</summary>
    public static string ToJson(EvaluationResult result) => ResultJson.ToJson(result, indented: true);
}
