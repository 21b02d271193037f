using System.Collections.Immutable;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Expressions;
using PerfEval.Rules;

namespace PerfEval.Loading;

/// <summary>
/// The checks of reason and consistency rules: rule ids, reason categories, and each expression through the
/// sandbox and the compiler (compiling is how an expression's grammar and types are checked).
/// </summary>
internal static class RuleChecks
{
    /// <summary>Checks the rules of one document.</summary>
    /// <param name="rules">The document's rules and the categories it adds.</param>
    /// <param name="inherited">The categories the rules may use besides their own (the built-in ones when null).</param>
    /// <param name="map">Where the document's values stand in its file.</param>
    /// <returns>The findings and the compiled rules.</returns>
    public static RuleCheck Check(RuleTemplate rules, ImmutableDictionary<string, ReasonCategory>? inherited, SourceMap map)
    {
        var reasonRules = rules.ReasonRules.IsDefault ? [] : rules.ReasonRules;
        var consistencyRules = rules.ConsistencyRules.IsDefault ? [] : rules.ConsistencyRules;
        var extra = rules.ReasonCategories.IsDefault ? [] : rules.ReasonCategories;
        if (reasonRules.IsEmpty && consistencyRules.IsEmpty && extra.IsEmpty && inherited is null)
        {
            return RuleCheck.None;
        }

        var bag = new DiagnosticBag();
        var categories = (inherited ?? RuleCheck.BuiltInCategories).ToBuilder();
        for (var i = 0; i < extra.Length; i++)
        {
            if (!categories.TryAdd(extra[i].Id, extra[i]))
            {
                var p = $"$.reasonCategories[{i}].id";
                bag.Add(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, p, map[p], ("id", extra[i].Id));
            }
        }

        var reasons = new CompiledExpression<bool>?[reasonRules.Length];
        var consistency = new CompiledExpression<bool>?[consistencyRules.Length];
        if (reasonRules.Length + consistencyRules.Length > SetChecks.MaxExpressions)
        {
            bag.Add(DiagnosticCodes.InvalidExpression, DiagnosticSeverity.Error, "$", map["$"], ("expression", "…"),
                ("reason", MessageText.Of("reason.tooManyRules", ("max", SetChecks.MaxExpressions))));
            return new RuleCheck(bag.ToImmutable(), categories.ToImmutable(), [.. reasons], [.. consistency]);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reasonRules.Length; i++)
        {
            var rule = reasonRules[i];
            var path = $"$.reasonRules[{i}]";
            var ok = CheckId(rule.Id, ids, path, map, bag);
            if (!categories.ContainsKey(rule.Category))
            {
                bag.Add(DiagnosticCodes.UnknownReasonCategory, DiagnosticSeverity.Error, path + ".category", map[path + ".category"] ?? map[path],
                    ("category", rule.Category), ("known", string.Join(", ", categories.Keys.Order(StringComparer.Ordinal))));
                ok = false;
            }

            reasons[i] = Compile(rule.When, path + ".when", map, bag) is { } when && ok ? when : null;
        }

        for (var i = 0; i < consistencyRules.Length; i++)
        {
            var rule = consistencyRules[i];
            var path = $"$.consistencyRules[{i}]";
            var ok = CheckId(rule.Id, ids, path, map, bag);
            consistency[i] = Compile(rule.Expression, path + ".expression", map, bag) is { } expression && ok ? expression : null;
        }

        return new RuleCheck(bag.ToImmutable(), categories.ToImmutable(), [.. reasons], [.. consistency]);
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
        if (bag.Count > SetChecks.MaxExpressions)
        {
            // A document with hundreds of broken rules has said enough; stop compiling.
            return null;
        }

        if (CompiledExpression<bool>.TryCompile(text, RuleCheck.TypeOf, out var compiled, out var error, out var parserDetail))
        {
            return compiled;
        }

        bag.Add(DiagnosticCodes.InvalidExpression, DiagnosticSeverity.Error, path, map[path], CompileFailure.Arguments(text, error, parserDetail));
        return null;
    }
}
