using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Rules;

namespace PerfEval.Loading;

/// <summary>Reads reason rules, consistency rules and reason categories (in indicator sets and rule templates).</summary>
internal static partial class RuleReader
{
    private static readonly string[] ReasonProperties = ["id", "when", "category", "text", "measures", "scope", "indicators", "description"];
    private static readonly string[] ConsistencyProperties = ["id", "expression", "code", "severity", "message", "scope", "indicators", "description"];
    private static readonly string[] CategoryProperties = ["id", "zh", "en"];
    private static readonly string[] TemplateProperties = ["id", "name", "description", "reasonCategories", "reasonRules", "consistencyRules"];

    public static RuleTemplate? ReadTemplate(JsonTree root, DiagnosticBag diagnostics)
    {
        var r = ObjectReader.Open(root, diagnostics, TemplateProperties);
        if (r is null)
        {
            return null;
        }

        var id = r.String("id", required: true);
        var template = new RuleTemplate
        {
            Id = id ?? string.Empty,
            Name = r.String("name"),
            ReasonCategories = Categories(r.Array("reasonCategories"), diagnostics),
            ReasonRules = ReasonRules(r.Array("reasonRules"), diagnostics),
            ConsistencyRules = ConsistencyRules(r.Array("consistencyRules"), diagnostics),
        };
        r.String("description");
        return diagnostics.HasErrors ? null : template;
    }

    public static ImmutableArray<ReasonCategory> Categories(JsonTree? array, DiagnosticBag diagnostics) =>
        Each(array, diagnostics, CategoryProperties, r =>
        {
            var id = r.String("id", required: true);
            var zh = r.String("zh", required: true);
            var en = r.String("en", required: true);
            return id is null || zh is null || en is null ? null : new ReasonCategory(id, zh, en);
        });

    public static ImmutableArray<ReasonRule> ReasonRules(JsonTree? array, DiagnosticBag diagnostics) =>
        Each(array, diagnostics, ReasonProperties, r =>
        {
            var id = r.String("id", required: true);
            var when = r.String("when", required: true);
            var category = r.String("category", required: true);
            var text = r.String("text", required: true);
            var scope = Scope(r, diagnostics);
            r.String("description");
            return id is null || when is null || category is null || text is null || scope is null
                ? null
                : new ReasonRule { Id = id, When = when, Category = category, Text = text, Measures = r.String("measures"), Scope = scope.Value, Indicators = r.Strings("indicators") };
        });

    public static ImmutableArray<ConsistencyRule> ConsistencyRules(JsonTree? array, DiagnosticBag diagnostics) =>
        Each(array, diagnostics, ConsistencyProperties, r =>
        {
            var id = r.String("id", required: true);
            var expression = r.String("expression", required: true);
            var scope = Scope(r, diagnostics);
            var code = r.String("code");
            if (code is not null && !CodePattern().IsMatch(code))
            {
                var n = r.Get("code")!;
                diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, n.Path, n.Location, ("value", code),
                    ("reason", Messages.IsChinese ? "代码应为 2 到 8 个大写字母后接 3 到 6 位数字，如 ZL001" : "a code is 2 to 8 capital letters and 3 to 6 digits, such as ZL001"));
                code = null;
            }

            DiagnosticSeverity? severity = DiagnosticSeverity.Error;
            if (r.String("severity") is { } s)
            {
                severity = s switch { "error" => DiagnosticSeverity.Error, "warning" => DiagnosticSeverity.Warning, "info" => DiagnosticSeverity.Info, _ => null };
                if (severity is null)
                {
                    var n = r.Get("severity")!;
                    diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, n.Path, n.Location, ("value", s), ("reason", "error | warning | info"));
                }
            }

            r.String("description");
            return id is null || expression is null || scope is null || severity is null
                ? null
                : new ConsistencyRule
                {
                    Id = id,
                    Expression = expression,
                    Code = code ?? DiagnosticCodes.ConsistencyRuleFailed,
                    Severity = severity.Value,
                    Message = r.String("message"),
                    Scope = scope.Value,
                    Indicators = r.Strings("indicators"),
                };
        });

    private static RuleScope? Scope(ObjectReader r, DiagnosticBag diagnostics)
    {
        switch (r.String("scope"))
        {
            case null or "indicator":
                return RuleScope.Indicator;
            case "budget":
                return RuleScope.Budget;
            case var other:
                var n = r.Get("scope")!;
                diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, n.Path, n.Location, ("value", other), ("reason", "indicator | budget"));
                return null;
        }
    }

    private static ImmutableArray<T> Each<T>(JsonTree? array, DiagnosticBag diagnostics, string[] known, Func<ObjectReader, T?> read)
        where T : class
    {
        if (array is null)
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<T>();
        foreach (var item in array.Items)
        {
            if (ObjectReader.Open(item, diagnostics, known) is { } r && read(r) is { } value)
            {
                items.Add(value);
            }
        }

        return items.ToImmutable();
    }

    [GeneratedRegex(@"^[A-Z]{2,8}[0-9]{3,6}\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CodePattern();
}
