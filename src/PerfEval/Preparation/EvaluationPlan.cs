using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Expressions;
using PerfEval.Indicators;
using PerfEval.Scoring;

namespace PerfEval.Preparation;

/// <summary>
/// Everything about an indicator set that does not depend on the actuals, worked out once: the set checked, its
/// expressions compiled, its policy bound, its rules (the templates' and its own) compiled, and the findings
/// known before any actual is seen. Immutable, so one plan serves every thread.
/// </summary>
internal sealed class EvaluationPlan
{
    /// <summary>The indicator set.</summary>
    public required IndicatorSet Set { get; init; }

    /// <summary>The scoring policy the set is evaluated under.</summary>
    public required ScoringPolicy Policy { get; init; }

    /// <summary>The rule templates' rules followed by the set's own, compiled.</summary>
    public required CompiledRules Rules { get; init; }

    /// <summary>The set's checks: which indicators can be scored, their compiled expressions, their positions by id.</summary>
    public required SetCheck Check { get; init; }

    /// <summary>The findings known before the actuals: the policy's, the set's reading and its checks.</summary>
    public required ImmutableArray<Diagnostic> Findings { get; init; }

    /// <summary>The compiled <c>compute</c> expression of the indicator at <paramref name="position"/>, if it has one.</summary>
    public CompiledExpression<decimal>? CompiledAt(int position) => Check.CompiledAt(position);

    /// <summary>Whether the indicator at <paramref name="position"/> can be scored.</summary>
    public bool IsValid(int position) => Check.IsValid(position);

    /// <summary>The position of the indicator <paramref name="id"/>; false when the set has none of that id.</summary>
    public bool TryGetPosition(string id, out int position) => Check.TryGetPosition(id, out position);

    /// <summary>The ids of the set's indicators.</summary>
    public IReadOnlyCollection<string> Ids => Check.Ids;
}
