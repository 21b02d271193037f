using PerfEval.Actuals;
using PerfEval.Diagnostics;

namespace PerfEval.Evaluation;

/// <summary>
/// The qualitative step: a qualitative indicator's grade (given, or inferred when the actual repeats the target),
/// its status, and its score within the grade's band under the policy.
/// </summary>
internal static class QualitativeGrading
{
    /// <summary>Grades one qualitative indicator.</summary>
    /// <param name="context">The evaluation.</param>
    /// <param name="input">The indicator and its actual (which is given).</param>
    /// <param name="s">The indicator's figures, filled in place.</param>
    public static void Grade(EvaluationContext context, in IndicatorInput input, ref ScoredIndicator s)
    {
        var (d, given, map, policy) = (input.Definition, input.Given!, context.ActualsMap, context.Policy);
        var inferred = false;
        var grade = given.Grade;
        if (grade is null && IndicatorScorer.InferGrade(d.Target, s.Actual!) is { } g)
        {
            grade = g;
            inferred = true;
        }

        if (grade is not { } qg)
        {
            var path = input.ActualsPath;
            context.Findings.Add(DiagnosticCodes.GradeRequired, DiagnosticSeverity.Warning, Completion.ActualPath(input, map) == path ? path : path + ".grade", map[path],
                ("id", d.Id), ("actual", s.Actual!.Text), ("target", d.Target.Display));
            return;
        }

        var (low, high, status) = IndicatorScorer.Band(qg, s.Weight, policy);
        var score = IndicatorScorer.DefaultQualitativeScore(qg, s.Weight, policy);
        if (given.Score is { } stated)
        {
            var inBand = stated >= low && (qg == QualitativeGrade.Achieved ? stated <= high : stated < high);
            if (inBand)
            {
                score = stated;
            }
            else
            {
                var path = input.ActualsPath;
                context.Findings.Add(DiagnosticCodes.ScoreOutOfBand, DiagnosticSeverity.Error, path + ".score", map[path],
                    ("score", stated), ("low", Figures.Round(low)), ("high", Figures.Round(high)), ("grade", Label(qg)), ("used", Figures.Round(score)));
            }
        }

        s.Status = status;
        s.Grade = qg;
        s.GradeInferred = inferred;
        s.Score = Figures.Round(score);
    }

    /// <summary>A grade's name in messages (达成年度指标, achieved…).</summary>
    /// <param name="grade">The grade.</param>
    /// <returns>Its name.</returns>
    public static MessageText Label(QualitativeGrade grade) => MessageText.Of(grade switch
    {
        QualitativeGrade.Achieved => "grade.achieved",
        QualitativeGrade.Partial => "grade.partial",
        _ => "grade.notAchieved",
    });
}
