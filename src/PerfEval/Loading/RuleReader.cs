using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Rules;

namespace PerfEval.Loading;

/// <summary>
/// Reads reason rules, consistency rules and reason categories (in indicator sets and rule templates), after the
/// structure has been checked against rule-template.schema.json.
/// </summary>
internal static partial class RuleReader
{
    public static RuleTemplate? ReadTemplate(JsonTree root, DiagnosticBag diagnostics)
    {
        if (!SchemaChecker.Check(root, Schemas.RuleTemplate, diagnostics) && root.Invalid)
        {
            return null;
        }

        var template = new RuleTemplate
        {
            Id = root.String("id") ?? string.Empty,
            Name = root.String("name"),
            ReasonCategories = Categories(root.Items("reasonCategories")),
            ReasonRules = ReasonRules(root.Items("reasonRules")),
            ConsistencyRules = ConsistencyRules(root.Items("consistencyRules"), diagnostics),
        };
        return diagnostics.HasErrors ? null : template;
    }

    public static ImmutableArray<ReasonCategory> Categories(JsonChildren<JsonTree> items) => items.Length == 0 ? [] :
        [.. items.Where(i => !i.Faulty).Select(r => new ReasonCategory(r.String("id")!, r.String("zh")!, r.String("en")!))];

    public static ImmutableArray<ReasonRule> ReasonRules(JsonChildren<JsonTree> items) => items.Length == 0 ? [] :
        [.. items.Where(i => !i.Faulty).Select(r => new ReasonRule
        {
            Id = r.String("id")!,
            When = r.String("when")!,
            Category = r.String("category")!,
            Text = r.String("text")!,
            Measures = r.String("measures"),
            Scope = Scope(r),
            Indicators = r.Strings("indicators"),
        })];

    public static ImmutableArray<ConsistencyRule> ConsistencyRules(JsonChildren<JsonTree> items, DiagnosticBag diagnostics)
    {
        var rules = ImmutableArray.CreateBuilder<ConsistencyRule>();
        foreach (var r in items)
        {
            if (r.Faulty)
            {
                continue;
            }

            var code = r.Get("code");
            if (code is not null && !CodePattern().IsMatch(code.Text!))
            {
                IndicatorSetReader.Invalid(code, MessageText.Of("reason.ruleCode"), diagnostics);
                continue;
            }

            rules.Add(new ConsistencyRule
            {
                Id = r.String("id")!,
                Expression = r.String("expression")!,
                Code = code?.Text ?? DiagnosticCodes.ConsistencyRuleFailed,
                Severity = r.String("severity")?.Trim().ToLowerInvariant() switch { "warning" => DiagnosticSeverity.Warning, "info" => DiagnosticSeverity.Info, _ => DiagnosticSeverity.Error },
                Message = r.String("message"),
                Scope = Scope(r),
                Indicators = r.Strings("indicators"),
            });
        }

        return rules.ToImmutable();
    }

    /// <summary>The scope (the schema allows indicator and budget only).</summary>
    private static RuleScope Scope(JsonTree r) =>
        string.Equals(r.String("scope")?.Trim(), "budget", StringComparison.OrdinalIgnoreCase) ? RuleScope.Budget : RuleScope.Indicator;

    /// <summary>The pattern of a consistency rule's own code, as in rule-template.schema.json (a schema pattern the checker leaves to the reader).</summary>
    [GeneratedRegex(@"^[A-Z]{2,8}[0-9]{3,6}\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CodePattern();
}
