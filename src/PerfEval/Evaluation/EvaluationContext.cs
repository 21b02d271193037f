using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Preparation;
using PerfEval.Scoring;

namespace PerfEval.Evaluation;

/// <summary>
/// What every step of one evaluation reads and where it writes its findings: the plan (set, policy, rules,
/// compiled expressions), the actuals, and the findings so far. One per evaluation, never shared.
/// </summary>
internal sealed class EvaluationContext
{
    public EvaluationContext(EvaluationPlan plan, ProgrammeActuals actuals, DiagnosticBag findings)
    {
        Plan = plan;
        Actuals = actuals;
        Findings = findings;
    }

    /// <summary>The set's plan.</summary>
    public EvaluationPlan Plan { get; }

    /// <summary>The indicator set.</summary>
    public IndicatorSet Set => Plan.Set;

    /// <summary>The policy the set is scored under.</summary>
    public ScoringPolicy Policy => Plan.Policy;

    /// <summary>The year's actuals.</summary>
    public ProgrammeActuals Actuals { get; }

    /// <summary>The findings of the evaluation.</summary>
    public DiagnosticBag Findings { get; }

    /// <summary>Where the set's values stand in its file.</summary>
    public SourceMap SetMap => Plan.Set.Locations;

    /// <summary>Where the actuals' values stand in their file.</summary>
    public SourceMap ActualsMap => Actuals.Locations;

    /// <summary>
    /// Where a finding about an indicator points, in the one path style of docs/diagnostics.md: its entry in the actuals
    /// (<c>$.indicators.&lt;id&gt;</c>) when the actuals have one, else the indicator in the set (<c>$.indicators[i]</c>); the
    /// location is in the same document as the path.
    /// </summary>
    /// <param name="position">The indicator's position in the set.</param>
    /// <param name="id">Its id.</param>
    /// <param name="inActuals">Whether the actuals have an entry for it.</param>
    /// <returns>The path and its location, if known.</returns>
    public (string Path, SourceLocation? Location) IndicatorPlace(int position, string id, bool inActuals)
    {
        if (inActuals)
        {
            var path = Loading.JsonTree.IndicatorPath(id);
            return (path, ActualsMap[path]);
        }

        var setPath = $"$.indicators[{position}]";
        return (setPath, SetMap[setPath]);
    }
}
