using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;

namespace PerfEval.Evaluation;

/// <summary>
/// The qualitative step: a qualitative indicator's grade (given, read from the preparer's score, or inferred when the
/// actual repeats the target or says done / not done), its status, and its score within the grade's band under the
/// policy. A numeric or range target whose actual is in words is judged the same way, from the grade or score given.
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
        var grade = given.Grade ?? GradeOfScore(given.Score, s.Weight, policy);
        var inferred = grade is not null && given.Grade is null;
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

        Apply(context, input, qg, ref s);
        s.GradeInferred = inferred;
    }

    /// <summary>
    /// Grades a numeric or range indicator whose actual is in words ("完成", "均在18-54周岁之间"): by the preparer's grade,
    /// or by the band the preparer's score lies in. With neither, PE2025 names what to add and the indicator has no status.
    /// </summary>
    /// <param name="context">The evaluation.</param>
    /// <param name="input">The indicator and its actual (which is given).</param>
    /// <param name="s">The indicator's figures, filled in place.</param>
    public static void GradeWords(EvaluationContext context, in IndicatorInput input, ref ScoredIndicator s)
    {
        var (d, given, map) = (input.Definition, input.Given!, context.ActualsMap);
        if ((given.Grade ?? GradeOfScore(given.Score, s.Weight, context.Policy)) is not { } grade)
        {
            var path = Completion.ActualPath(input, map);
            context.Findings.Add(DiagnosticCodes.WordsNeedGrade, DiagnosticSeverity.Error, path, map[path] ?? map[input.ActualsPath],
                ("id", d.Id), ("actual", s.Actual!.Text), ("target", d.Target.Display));
            return;
        }

        Apply(context, input, grade, ref s);
        s.GradeInferred = given.Grade is null;
    }

    /// <summary>The grade whose band holds a score (a score above the weight is in the top band); null without a score.</summary>
    /// <param name="score">The preparer's score.</param>
    /// <param name="weight">The weight.</param>
    /// <param name="policy">The policy's bands.</param>
    /// <returns>The grade, or null.</returns>
    private static QualitativeGrade? GradeOfScore(decimal? score, decimal weight, Scoring.ScoringPolicy policy) => score switch
    {
        null => null,
        { } x when x >= weight * policy.AchievedFloor => QualitativeGrade.Achieved,
        { } x when x >= weight * policy.PartialFloor => QualitativeGrade.Partial,
        _ => QualitativeGrade.NotAchieved,
    };

    private static void Apply(EvaluationContext context, in IndicatorInput input, QualitativeGrade qg, ref ScoredIndicator s)
    {
        var (given, map, policy) = (input.Given!, context.ActualsMap, context.Policy);
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
                    ("score", stated), ("low", Notation.Number(Figures.Round(low))), ("high", Notation.Number(Figures.Round(high))), ("grade", Label(qg)),
                    ("used", Notation.Number(Figures.Round(score))));
            }
        }

        s.Status = status;
        s.Grade = qg;
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
