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
        _compiled = compiled;
        _valid = valid;
        _index = index;
        Rules = rules;
    }

    // Arrays and a dictionary for speed, never handed out: a check, and the plans made from it, do not change once made.
    private readonly CompiledExpression<decimal>?[] _compiled;
    private readonly bool[] _valid;
    private readonly Dictionary<string, int> _index;

    /// <summary>The findings, with paths into the set's file.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The compiled <c>compute</c> expression of the indicator at <paramref name="position"/>, if it has one.</summary>
    public CompiledExpression<decimal>? CompiledAt(int position) => _compiled[position];

    /// <summary>Whether the indicator at <paramref name="position"/> can be scored (its target and expression are sound).</summary>
    public bool IsValid(int position) => _valid[position];

    /// <summary>The position of the indicator <paramref name="id"/>; false when the set has none of that id.</summary>
    public bool TryGetPosition(string id, out int position) => _index.TryGetValue(id, out position);

    /// <summary>The ids of the set's indicators (a suggestion for an id it does not know is looked for among them).</summary>
    public IReadOnlyCollection<string> Ids => _index.Keys;

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
