using System.Collections.Immutable;
using PerfEval.Rules;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Expressions;

namespace PerfEval.Preparation;

/// <summary>Reason and consistency rules checked and compiled once, with the reason categories they may use.</summary>
internal sealed class CompiledRules
{
    /// <summary>The values an expression reads that are true / false rather than numbers.</summary>
    private static readonly HashSet<string> BooleanValues = new(StringComparer.Ordinal) { "met", "qualitative", "lessIsBetter", "percent", "pointsLost", "overAchieved" };

    public static readonly CompiledRules Empty = new([], [], ReasonCategory.BuiltIn.ToImmutableDictionary(c => c.Id, StringComparer.Ordinal), []);

    private CompiledRules(
        ImmutableArray<(ReasonRule Rule, CompiledExpression<bool> When)> reasons,
        ImmutableArray<(ConsistencyRule Rule, CompiledExpression<bool> Expression)> consistency,
        ImmutableDictionary<string, ReasonCategory> categories,
        ImmutableArray<Diagnostic> diagnostics)
    {
        Reasons = reasons;
        Consistency = consistency;
        HasIndicatorRules = reasons.Any(r => r.Rule.Scope == RuleScope.Indicator) || consistency.Any(r => r.Rule.Scope == RuleScope.Indicator);
        HasBudgetRules = reasons.Any(r => r.Rule.Scope == RuleScope.Budget) || consistency.Any(r => r.Rule.Scope == RuleScope.Budget);
        Categories = categories;
        Diagnostics = diagnostics;
    }

    public ImmutableArray<(ReasonRule Rule, CompiledExpression<bool> When)> Reasons { get; }

    public ImmutableArray<(ConsistencyRule Rule, CompiledExpression<bool> Expression)> Consistency { get; }

    /// <summary>The built-in categories and those added by the rules' owner.</summary>
    public ImmutableDictionary<string, ReasonCategory> Categories { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool IsEmpty => Reasons.IsEmpty && Consistency.IsEmpty;

    /// <summary>Whether any rule looks at indicators (worked out once, not at every evaluation).</summary>
    public bool HasIndicatorRules { get; }

    /// <summary>Whether any rule looks at the budget.</summary>
    public bool HasBudgetRules { get; }

    public static Type TypeOf(string name) => BooleanValues.Contains(name) ? typeof(bool) : typeof(decimal);

    /// <summary>Checks and compiles rules; paths in diagnostics are those of the document holding them (<paramref name="map"/>).</summary>
    public static CompiledRules Compile(
        ImmutableArray<ReasonRule> reasonRules,
        ImmutableArray<ConsistencyRule> consistencyRules,
        ImmutableArray<ReasonCategory> extraCategories,
        ImmutableDictionary<string, ReasonCategory>? inheritedCategories,
        SourceMap map)
    {
        var bag = new DiagnosticBag();
        var categories = (inheritedCategories ?? Empty.Categories).ToBuilder();
        foreach (var (c, i) in (extraCategories.IsDefault ? [] : extraCategories).Select((c, i) => (c, i)))
        {
            if (!categories.TryAdd(c.Id, c))
            {
                var p = $"$.reasonCategories[{i}].id";
                bag.Add(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, p, map[p], ("id", c.Id));
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var reasons = ImmutableArray.CreateBuilder<(ReasonRule, CompiledExpression<bool>)>();
        if ((reasonRules.IsDefault ? 0 : reasonRules.Length) + (consistencyRules.IsDefault ? 0 : consistencyRules.Length) > PreparedSet.MaxExpressions)
        {
            bag.Add(DiagnosticCodes.InvalidExpression, DiagnosticSeverity.Error, "$", map["$"], ("expression", "…"),
                ("reason", $"a document may hold at most {PreparedSet.MaxExpressions} rules"));
            return new CompiledRules([], [], categories.ToImmutable(), bag.ToImmutable());
        }

        foreach (var (rule, i) in (reasonRules.IsDefault ? [] : reasonRules).Select((r, i) => (r, i)))
        {
            var path = $"$.reasonRules[{i}]";
            var ok = CheckId(rule.Id, ids, path, map, bag);
            if (!categories.ContainsKey(rule.Category))
            {
                bag.Add(DiagnosticCodes.UnknownReasonCategory, DiagnosticSeverity.Error, path + ".category", map[path + ".category"] ?? map[path],
                    ("category", rule.Category), ("known", string.Join(", ", categories.Keys.Order(StringComparer.Ordinal))));
                ok = false;
            }

            if (Compile(rule.When, path + ".when", map, bag) is { } when && ok)
            {
                reasons.Add((rule, when));
            }
        }

        var consistency = ImmutableArray.CreateBuilder<(ConsistencyRule, CompiledExpression<bool>)>();
        foreach (var (rule, i) in (consistencyRules.IsDefault ? [] : consistencyRules).Select((r, i) => (r, i)))
        {
            var path = $"$.consistencyRules[{i}]";
            var ok = CheckId(rule.Id, ids, path, map, bag);
            if (Compile(rule.Expression, path + ".expression", map, bag) is { } expression && ok)
            {
                consistency.Add((rule, expression));
            }
        }

        return new CompiledRules(reasons.ToImmutable(), consistency.ToImmutable(), categories.ToImmutable(), bag.ToImmutable());
    }

    /// <summary>These rules followed by <paramref name="more"/> (a set's own rules after its templates').</summary>
    public CompiledRules Then(CompiledRules more)
    {
        if (more.IsEmpty && more.Categories.Count == Categories.Count)
        {
            return this;
        }

        var categories = Categories.SetItems(more.Categories);
        return new CompiledRules(Reasons.AddRange(more.Reasons), Consistency.AddRange(more.Consistency), categories, []);
    }

    private static bool CheckId(string id, HashSet<string> ids, string path, SourceMap map, DiagnosticBag bag)
    {
        if (ids.Add(id))
        {
            return true;
        }

        bag.Add(DiagnosticCodes.DuplicateRule, DiagnosticSeverity.Error, path + ".id", map[path + ".id"] ?? map[path], ("id", id));
        return false;
    }

    private static CompiledExpression<bool>? Compile(string text, string path, SourceMap map, DiagnosticBag bag)
    {
        if (bag.Count > PreparedSet.MaxExpressions)
        {
            // A document with hundreds of broken rules has said enough; stop compiling.
            return null;
        }

        if (CompiledExpression<bool>.TryCompile(text, TypeOf, out var compiled, out var error))
        {
            return compiled;
        }

        bag.Add(DiagnosticCodes.InvalidExpression, DiagnosticSeverity.Error, path, map[path], ("expression", text), ("reason", error));
        return null;
    }
}
