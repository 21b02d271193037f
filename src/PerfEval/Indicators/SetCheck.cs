using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Expressions;
using PerfEval.Rules;

namespace PerfEval.Indicators;

/// <summary>
/// What checking an indicator set found (ids, levels, targets, weights, expressions, rules), made once per set:
/// by the reader for a set read from a file, or when the set is first prepared for one built in code. It holds
/// the parts of the set it checked, so that a copy changed with <c>with</c> is checked again.
/// </summary>
internal sealed class SetCheck
{
    private readonly IndicatorSet _checked;

    public SetCheck(IndicatorSet set, ImmutableArray<Diagnostic> diagnostics, CompiledExpression<decimal>?[] compiled, bool[] valid, Dictionary<string, int> index, RuleCheck rules)
    {
        _checked = set;
        Diagnostics = diagnostics;
        Compiled = compiled;
        Valid = valid;
        Index = index;
        Rules = rules;
    }

    /// <summary>The findings, with paths into the set's file.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The compiled <c>compute</c> expression of each indicator, by position.</summary>
    public CompiledExpression<decimal>?[] Compiled { get; }

    /// <summary>Whether each indicator, by position, can be scored (its target and expression are sound).</summary>
    public bool[] Valid { get; }

    /// <summary>Indicator positions by id.</summary>
    public Dictionary<string, int> Index { get; }

    /// <summary>The set's own reason and consistency rules, checked and compiled.</summary>
    public RuleCheck Rules { get; }

    /// <summary>Whether this check is of <paramref name="set"/>: the same indicators, budget lines, rules and year.</summary>
    /// <param name="set">The set.</param>
    /// <returns>True when nothing the check looked at has changed.</returns>
    public bool Covers(IndicatorSet set) =>
        set.Indicators == _checked.Indicators
        && ReferenceEquals(set.Budget, _checked.Budget)
        && set.ReasonRules == _checked.ReasonRules
        && set.ConsistencyRules == _checked.ConsistencyRules
        && set.ReasonCategories == _checked.ReasonCategories
        && set.Year == _checked.Year
        && string.Equals(set.Id, _checked.Id, StringComparison.Ordinal);
}
