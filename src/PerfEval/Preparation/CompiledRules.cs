using System.Collections.Immutable;
using PerfEval.Deviations;
using PerfEval.Expressions;
using PerfEval.Rules;

namespace PerfEval.Preparation;

/// <summary>The reason and consistency rules an evaluation runs, compiled, with the reason categories they may use.</summary>
internal sealed class CompiledRules
{
    public static readonly CompiledRules Empty = new([], [], RuleCheck.BuiltInCategories);

    private CompiledRules(
        ImmutableArray<(ReasonRule Rule, CompiledExpression<bool> When)> reasons,
        ImmutableArray<(ConsistencyRule Rule, CompiledExpression<bool> Expression)> consistency,
        ImmutableDictionary<string, ReasonCategory> categories)
    {
        Reasons = reasons;
        Consistency = consistency;
        HasIndicatorRules = reasons.Any(r => r.Rule.Scope == RuleScope.Indicator) || consistency.Any(r => r.Rule.Scope == RuleScope.Indicator);
        HasBudgetRules = reasons.Any(r => r.Rule.Scope == RuleScope.Budget) || consistency.Any(r => r.Rule.Scope == RuleScope.Budget);
        Categories = categories;
    }

    public ImmutableArray<(ReasonRule Rule, CompiledExpression<bool> When)> Reasons { get; }

    public ImmutableArray<(ConsistencyRule Rule, CompiledExpression<bool> Expression)> Consistency { get; }

    /// <summary>The built-in categories and those added by the rules' owners.</summary>
    public ImmutableDictionary<string, ReasonCategory> Categories { get; }

    public bool IsEmpty => Reasons.IsEmpty && Consistency.IsEmpty;

    /// <summary>Whether any rule looks at indicators (worked out once, not at every evaluation).</summary>
    public bool HasIndicatorRules { get; }

    /// <summary>Whether any rule looks at the budget.</summary>
    public bool HasBudgetRules { get; }

    /// <summary>The sound rules of one document, as its check compiled them.</summary>
    /// <param name="rules">The document's rules.</param>
    /// <param name="check">Their check.</param>
    /// <returns>The compiled rules; unsound ones are left out (their findings are in the check).</returns>
    public static CompiledRules From(RuleTemplate rules, RuleCheck check)
    {
        var reasons = ImmutableArray.CreateBuilder<(ReasonRule, CompiledExpression<bool>)>();
        for (var i = 0; i < check.Reasons.Length; i++)
        {
            if (check.Reasons[i] is { } when)
            {
                reasons.Add((rules.ReasonRules[i], when));
            }
        }

        var consistency = ImmutableArray.CreateBuilder<(ConsistencyRule, CompiledExpression<bool>)>();
        for (var i = 0; i < check.Consistency.Length; i++)
        {
            if (check.Consistency[i] is { } expression)
            {
                consistency.Add((rules.ConsistencyRules[i], expression));
            }
        }

        return reasons.Count == 0 && consistency.Count == 0 && check.Categories == RuleCheck.BuiltInCategories
            ? Empty
            : new CompiledRules(reasons.ToImmutable(), consistency.ToImmutable(), check.Categories);
    }

    /// <summary>These rules followed by <paramref name="more"/> (a set's own rules after its templates').</summary>
    public CompiledRules Then(CompiledRules more)
    {
        if (more.IsEmpty && more.Categories.Keys.All(Categories.ContainsKey))
        {
            return this;
        }

        var categories = Categories.SetItems(more.Categories);
        return new CompiledRules(Reasons.AddRange(more.Reasons), Consistency.AddRange(more.Consistency), categories);
    }
}
