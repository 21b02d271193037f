using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Indicators;

namespace PerfEval.Loading;

/// <summary>Maps an indicator-set document onto <see cref="IndicatorSet"/>.</summary>
internal static class IndicatorSetReader
{
    private static readonly string[] SetProperties = ["id", "name", "year", "department", "implementingUnit", "goals", "budget", "indicators", "description", "policy", "reasonCategories", "reasonRules", "consistencyRules"];
    private static readonly string[] BudgetProperties = ["unit", "sources", "expenditures"];
    private static readonly string[] LineProperties = ["id", "name", "category"];
    private static readonly string[] IndicatorProperties = ["id", "name", "program", "level1", "level2", "target", "comparison", "unit", "weight", "compute", "description"];
    private static readonly string[] TargetProperties = ["comparison", "value", "upper", "percent", "unit", "deadline", "description"];

    public static IndicatorSet? Read(JsonTree root, DiagnosticBag diagnostics)
    {
        var set = ObjectReader.Open(root, diagnostics, SetProperties);
        if (set is null)
        {
            return null;
        }

        var id = set.String("id", required: true);
        var name = set.String("name", required: true);
        var year = set.Int("year", required: true);
        if (year is < 1900 or > 2999)
        {
            var y = set.Get("year")!;
            diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, y.Path, y.Location, ("value", y.Text), ("reason", Messages.IsChinese ? "年度应在 1900 到 2999 之间" : "the year must be between 1900 and 2999"));
        }

        var budget = ReadBudget(set, diagnostics);
        var indicators = ImmutableArray.CreateBuilder<IndicatorDefinition>();
        if (set.Array("indicators", required: true) is { } array)
        {
            foreach (var item in array.Items)
            {
                if (ReadIndicator(item, year ?? DateTime.Today.Year, diagnostics) is { } indicator)
                {
                    indicators.Add(indicator);
                }
            }
        }

        var (policyName, policyNode) = ReadPolicyReference(set, diagnostics);
        var categories = RuleReader.Categories(set.Array("reasonCategories"), diagnostics);
        var reasonRules = RuleReader.ReasonRules(set.Array("reasonRules"), diagnostics);
        var consistencyRules = RuleReader.ConsistencyRules(set.Array("consistencyRules"), diagnostics);
        set.String("description");

        if (diagnostics.HasErrors || id is null || name is null || year is null)
        {
            return null;
        }

        return new IndicatorSet
        {
            Id = id,
            Name = name,
            Year = year.Value,
            Department = set.String("department"),
            ImplementingUnit = set.String("implementingUnit"),
            Goals = set.Strings("goals"),
            Budget = budget,
            Indicators = indicators.ToImmutable(),
            PolicyName = policyName,
            PolicyNode = policyNode,
            ReasonCategories = categories,
            ReasonRules = reasonRules,
            ConsistencyRules = consistencyRules,
            Locations = SourceMaps.Build(root),
        };
    }

    /// <summary>
    /// Reads <c>"policy"</c>: a name, or an object that extends a policy and changes some of its values. The object is
    /// checked now (with any unknown base standing in as mof-2020) and resolved against the evaluator's catalogue later.
    /// </summary>
    private static (string? Name, JsonTree? Node) ReadPolicyReference(ObjectReader set, DiagnosticBag diagnostics)
    {
        var node = set.Get("policy");
        switch (node?.Kind)
        {
            case null:
                return (null, null);
            case JsonKind.String:
                return (node.Text, null);
            case JsonKind.Object:
                var known = PolicyCatalog.BuiltIn;
                var extends = node.Properties.FirstOrDefault(p => p.Name == "extends")?.Value.Text;

                // A base only the evaluator's catalogue knows is checked for consistency when the set is evaluated.
                var baseKnown = extends is null || known.TryGet(extends, out _);
                ScoringPolicyReader.Read(node, diagnostics, n => known.TryGet(n, out var p) ? p : Scoring.ScoringPolicy.Mof2020, known.Names, nameRequired: false, checkConsistency: baseKnown);
                return (extends ?? Scoring.ScoringPolicy.Mof2020.Name, node);
            default:
                ObjectReader.WrongType(node, "string or object", diagnostics);
                return (null, null);
        }
    }

    private static BudgetDefinition ReadBudget(ObjectReader set, DiagnosticBag diagnostics)
    {
        var budget = set.Object("budget", BudgetProperties);
        if (budget is null)
        {
            return new BudgetDefinition();
        }

        return new BudgetDefinition
        {
            Unit = budget.String("unit") ?? "万元",
            Sources = ReadLines(budget.Array("sources"), isSource: true, diagnostics),
            Expenditures = ReadLines(budget.Array("expenditures"), isSource: false, diagnostics),
        };
    }

    private static ImmutableArray<BudgetLine> ReadLines(JsonTree? array, bool isSource, DiagnosticBag diagnostics)
    {
        if (array is null)
        {
            return [];
        }

        var lines = ImmutableArray.CreateBuilder<BudgetLine>();
        foreach (var item in array.Items)
        {
            var line = ObjectReader.Open(item, diagnostics, LineProperties);
            if (line is null)
            {
                continue;
            }

            var id = line.String("id", required: true);
            var name = line.String("name", required: true);
            var category = SourceCategory.Appropriation;
            if (line.String("category") is { } c)
            {
                if (!isSource || !TryCategory(c, out category))
                {
                    var node = line.Get("category")!;
                    diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, node.Path, node.Location, ("value", c),
                        ("reason", isSource ? "appropriation | carryOver | other (当年财政拨款 | 上年结转资金 | 其他资金)" : (Messages.IsChinese ? "支出项目没有类别" : "expenditures have no category")));
                }
            }

            if (id is not null && name is not null)
            {
                lines.Add(new BudgetLine(id, name) { Category = category });
            }
        }

        return lines.ToImmutable();
    }

    private static bool TryCategory(string text, out SourceCategory category)
    {
        category = text.Trim() switch
        {
            "appropriation" or "当年财政拨款" or "财政拨款" => SourceCategory.Appropriation,
            "carryOver" or "上年结转资金" or "上年结转" or "上年结余" or "上年结余资金" => SourceCategory.CarryOver,
            "other" or "其他资金" => SourceCategory.Other,
            _ => (SourceCategory)(-1),
        };
        return Enum.IsDefined(category);
    }

    private static IndicatorDefinition? ReadIndicator(JsonTree node, int year, DiagnosticBag diagnostics)
    {
        var r = ObjectReader.Open(node, diagnostics, IndicatorProperties);
        if (r is null)
        {
            return null;
        }

        var errorsBefore = diagnostics.ErrorCount;
        var id = r.String("id", required: true);
        var name = r.String("name", required: true);

        Level2? level2 = null;
        if (r.String("level2", required: true) is { } l2Text)
        {
            if (IndicatorLevels.TryParseLevel2(l2Text, out var l2))
            {
                level2 = l2;
            }
            else
            {
                var n = r.Get("level2")!;
                diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, n.Path, n.Location, ("value", l2Text),
                    ("reason", (Messages.IsChinese ? "应为以下之一：" : "expected one of: ") + string.Join(", ", IndicatorLevels.Level2Codes) + " / 数量指标 …"));
            }
        }

        Level1? level1 = null;
        if (r.String("level1") is { } l1Text)
        {
            var n = r.Get("level1")!;
            if (!IndicatorLevels.TryParseLevel1(l1Text, out var l1))
            {
                diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, n.Path, n.Location, ("value", l1Text),
                    ("reason", (Messages.IsChinese ? "应为以下之一：" : "expected one of: ") + string.Join(", ", IndicatorLevels.Level1Codes) + " / 产出指标 …"));
            }
            else if (level2 is { } l2 && !IndicatorLevels.Belongs(l1, l2))
            {
                diagnostics.Add(DiagnosticCodes.LevelMismatch, DiagnosticSeverity.Error, n.Path, n.Location,
                    ("level1", IndicatorLevels.Name(l1, Messages.IsChinese)), ("level2", IndicatorLevels.Name(l2, Messages.IsChinese)));
            }
            else
            {
                level1 = l1;
            }
        }

        Comparison? explicitComparison = null;
        if (r.String("comparison") is { } cText)
        {
            if (Target.TryParseComparison(cText, out var c))
            {
                explicitComparison = c;
            }
            else
            {
                var n = r.Get("comparison")!;
                diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, n.Path, n.Location, ("value", cText),
                    ("reason", "≥ > ≤ < ＝ / atLeast, greaterThan, atMost, lessThan, equal, range, deadline, qualitative"));
            }
        }

        Target? target = null;
        var targetNode = r.Get("target", required: true);
        if (targetNode is not null && level2 is { } lvl2)
        {
            target = ReadTarget(targetNode, lvl2, explicitComparison, diagnostics);
        }

        var weightNode = r.Get("weight");
        var weight = r.Decimal("weight");
        if (weight is < 0 or > 100)
        {
            diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, weightNode!.Path, weightNode.Location, ("value", weightNode.Text),
                ("reason", Messages.IsChinese ? "分值应在 0 到 100 之间" : "a weight is between 0 and 100 points"));
            weight = null;
        }

        var compute = r.String("compute");
        if (diagnostics.ErrorCount != errorsBefore || id is null || name is null || level2 is null || target is null)
        {
            return null;
        }

        return new IndicatorDefinition
        {
            Id = id,
            Name = name,
            Program = r.String("program"),
            Level1 = level1 ?? IndicatorLevels.DefaultParent(level2.Value),
            Level2 = level2.Value,
            Target = target,
            Unit = r.String("unit") ?? target.Unit ?? (target.IsPercent ? "%" : null),
            Weight = weight,
            Compute = compute,
            Description = r.String("description"),
        };
    }

    private static Target? ReadTarget(JsonTree node, Level2 level2, Comparison? explicitComparison, DiagnosticBag diagnostics)
    {
        switch (node.Kind)
        {
            case JsonKind.Number:
            {
                var value = ObjectReader.ReadDecimal(node, diagnostics);
                if (value is null)
                {
                    return null;
                }

                var comparison = explicitComparison ?? (value == 0 ? Comparison.Equal : Target.DefaultComparison(level2));
                return new Target { Comparison = comparison, Value = value, Text = node.Text, ComparisonInferred = explicitComparison is null };
            }

            case JsonKind.String:
            {
                if (Target.TryParse(node.Text!, level2, explicitComparison, out var target, out var error))
                {
                    return target;
                }

                diagnostics.Add(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, node.Path, node.Location, ("value", node.Text), ("reason", error));
                return null;
            }

            case JsonKind.Object:
                return ReadTargetObject(node, level2, explicitComparison, diagnostics);
            default:
                ObjectReader.WrongType(node, "number, string or object", diagnostics);
                return null;
        }
    }

    private static Target? ReadTargetObject(JsonTree node, Level2 level2, Comparison? explicitComparison, DiagnosticBag diagnostics)
    {
        var r = ObjectReader.Open(node, diagnostics, TargetProperties)!;
        var before = diagnostics.Count;
        Comparison? comparison = explicitComparison;
        if (r.String("comparison") is { } cText)
        {
            if (Target.TryParseComparison(cText, out var c) && (explicitComparison is null || explicitComparison == c))
            {
                comparison = c;
            }
            else
            {
                var n = r.Get("comparison")!;
                diagnostics.Add(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, n.Path, n.Location, ("value", cText),
                    ("reason", explicitComparison is null ? "≥ > ≤ < ＝ / atLeast, greaterThan, atMost, lessThan, equal, range, deadline, qualitative" : "it disagrees with the indicator's comparison"));
            }
        }

        var value = r.Decimal("value");
        var upper = r.Decimal("upper");
        var percent = r.Bool("percent") ?? false;
        var unit = r.String("unit");
        var description = r.String("description");
        Deadline? deadline = null;
        if (r.String("deadline") is { } dText)
        {
            if (Notation.TryReadDeadline(Notation.Normalize(dText), out var d))
            {
                deadline = d;
            }
            else if (Notation.TryReadDate(Notation.Normalize(dText), out var date))
            {
                deadline = new Deadline(date.Month, date.Day, date.Year);
            }
            else
            {
                var n = r.Get("deadline")!;
                diagnostics.Add(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, n.Path, n.Location, ("value", dText), ("reason", "expected 12月底前, 12月31日前 or 2025-12-31"));
            }
        }

        comparison ??= deadline is not null ? Comparison.Deadline
            : upper is not null ? Comparison.Range
            : value is not null ? (value == 0 ? Comparison.Equal : Target.DefaultComparison(level2))
            : description is not null ? Comparison.Qualitative
            : null;

        if (diagnostics.Count != before)
        {
            return null;
        }

        string? problem = comparison switch
        {
            null => "give a comparison with a value, a deadline or a description",
            Comparison.Deadline when deadline is null => "a deadline target needs 'deadline'",
            Comparison.Qualitative when description is null => "a qualitative target needs 'description'",
            Comparison.Range when value is null || upper is null => "a range needs 'value' (lower bound) and 'upper'",
            Comparison.Range when value > upper => "the lower bound is above the upper bound",
            not (Comparison.Deadline or Comparison.Qualitative or Comparison.Range) when value is null => "a numeric comparison needs 'value'",
            _ => null,
        };
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, node.Path, node.Location, ("value", "{…}"), ("reason", problem));
            return null;
        }

        if (diagnostics.Count != before)
        {
            return null;
        }

        return new Target
        {
            Comparison = comparison!.Value,
            Value = value,
            UpperValue = upper,
            IsPercent = percent,
            Unit = unit,
            Deadline = deadline,
            Description = description,
            ComparisonInferred = r.Get("comparison") is null && explicitComparison is null && comparison is not (Comparison.Deadline or Comparison.Qualitative or Comparison.Range),
        };
    }
}
