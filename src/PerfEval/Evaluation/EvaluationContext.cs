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
}
