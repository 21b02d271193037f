using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Scoring;

namespace PerfEval.Loading;

/// <summary>
/// Maps an indicator-set document onto <see cref="IndicatorSet"/>. The structure is checked against
/// indicator-set.schema.json first; what is read here is what a schema cannot say: levels, targets, categories.
/// </summary>
internal static class IndicatorSetReader
{
    public static IndicatorSet? Read(JsonTree root, DiagnosticBag diagnostics)
    {
        if (!SchemaChecker.Check(root, Schemas.IndicatorSet, diagnostics) && root.Invalid)
        {
            return null;
        }

        var year = root.Int("year");
        var items = root.Items("indicators");
        var indicators = ImmutableArray.CreateBuilder<IndicatorDefinition>(items.Length);
        foreach (var item in items)
        {
            if (ReadIndicator(item, year ?? DateTime.Today.Year, diagnostics) is { } indicator)
            {
                indicators.Add(indicator);
            }
        }

        var budget = root.Get("budget");
        var policy = root.Get("policy");
        var overrides = policy is { Kind: JsonKind.Object } ? ScoringPolicyReader.ReadInline(policy, diagnostics) : null;
        var set = new IndicatorSet
        {
            Id = root.String("id")!,
            Name = root.String("name")!,
            Year = year ?? 0,
            Department = root.String("department"),
            ImplementingUnit = root.String("implementingUnit"),
            Goals = root.Strings("goals"),
            Budget = budget is null ? new BudgetDefinition() : new BudgetDefinition
            {
                Unit = budget.String("unit") ?? "万元",
                Sources = ReadLines(budget.Items("sources"), diagnostics, sources: true),
                Expenditures = ReadLines(budget.Items("expenditures"), diagnostics, sources: false),
            },
            Indicators = indicators.DrainToImmutable(),
            PolicyName = overrides?.Extends ?? (overrides is null ? policy?.Text : ScoringPolicy.Mof2020.Name),
            InlinePolicy = overrides,
            ReasonCategories = RuleReader.Categories(root.Items("reasonCategories")),
            ReasonRules = RuleReader.ReasonRules(root.Items("reasonRules")),
            ConsistencyRules = RuleReader.ConsistencyRules(root.Items("consistencyRules"), diagnostics),
            Locations = SourceMaps.Build(root),
        };
        return diagnostics.HasErrors ? null : set;
    }

    private static ImmutableArray<BudgetLine> ReadLines(JsonChildren<JsonTree> items, DiagnosticBag diagnostics, bool sources)
    {
        var lines = ImmutableArray.CreateBuilder<BudgetLine>();
        foreach (var item in items)
        {
            if (item.Faulty)
            {
                continue;
            }

            var category = SourceCategory.Appropriation;
            if (sources && item.Get("category") is { } c && !TryCategory(c.Text!, out category))
            {
                Invalid(c, MessageText.Of("reason.sourceCategory", ("choices", string.Join(", ", CategoryNames.Select(n => n.Name)))), diagnostics);
            }

            lines.Add(new BudgetLine(item.String("id")!, item.String("name")!) { Category = category });
        }

        return lines.ToImmutable();
    }

    /// <summary>The names of the source categories, as the schema lists them.</summary>
    private static readonly (string Name, SourceCategory Category)[] CategoryNames =
    [
        ("appropriation", SourceCategory.Appropriation), ("当年财政拨款", SourceCategory.Appropriation), ("财政拨款", SourceCategory.Appropriation),
        ("carryOver", SourceCategory.CarryOver), ("上年结转资金", SourceCategory.CarryOver), ("上年结转", SourceCategory.CarryOver),
        ("上年结余", SourceCategory.CarryOver), ("上年结余资金", SourceCategory.CarryOver),
        ("other", SourceCategory.Other), ("其他资金", SourceCategory.Other),
        ("centralSubsidy", SourceCategory.CentralSubsidy), ("中央补助", SourceCategory.CentralSubsidy), ("中央补助资金", SourceCategory.CentralSubsidy),
        ("localFunds", SourceCategory.LocalFunds), ("地方资金", SourceCategory.LocalFunds),
    ];

    /// <summary>PE1018 (information): an older, regional or traditional-character label, read as the current one.</summary>
    private static void Alias(JsonTree node, string label, string current, DiagnosticBag diagnostics) =>
        diagnostics.Add(DiagnosticCodes.LabelAlias, DiagnosticSeverity.Info, node.Path, node.Location, ("label", label), ("current", current));

    private static bool TryCategory(string text, out SourceCategory category)
    {
        var t = text.Trim();
        foreach (var (name, c) in CategoryNames)
        {
            if (name == t)
            {
                category = c;
                return true;
            }
        }

        category = default;
        return false;
    }

    private static IndicatorDefinition? ReadIndicator(JsonTree node, int year, DiagnosticBag diagnostics)
    {
        if (node.Invalid)
        {
            return null;
        }

        var errorsBefore = diagnostics.ErrorCount;

        // Level 1 is read first, since some level-2 labels are read by the level 1 they stand under (PE1018).
        var l1Node = node.Get("level1");
        var alias1 = l1Node is null ? null : LabelAliases.FindLevel1(l1Node.Text!);
        Level1? parent = l1Node is not null && IndicatorLevels.TryParseLevel1(alias1?.Current ?? l1Node.Text!, out var p1) ? p1 : null;
        if (alias1 is not null && parent is not null)
        {
            Alias(l1Node!, alias1.Label, alias1.Current, diagnostics);
        }

        Level2? level2 = null;
        if (node.Get("level2") is { } l2Node)
        {
            var alias2 = LabelAliases.FindLevel2(l2Node.Text!, parent);
            if (IndicatorLevels.TryParseLevel2(alias2?.Current ?? l2Node.Text!, out var l2))
            {
                level2 = l2;
                if (alias2 is { Under: { } under })
                {
                    // A label read by its place: named with its level 1, before and after.
                    var to = alias2.MovesTo ?? under;
                    Alias(l2Node, $"{l1Node!.Text!.Trim()} / {alias2.Label}", $"{IndicatorLevels.Name(to, chinese: true)} / {alias2.Current}", diagnostics);
                    parent = to;
                }
                else if (alias2 is not null)
                {
                    Alias(l2Node, alias2.Label, alias2.Current, diagnostics);
                }
            }
            else
            {
                Invalid(l2Node, MessageText.Of("reason.expectedOneOf", ("choices", string.Join(", ", IndicatorLevels.Level2Labels.Concat(LabelAliases.Accepted(LabelAliases.Level2))))), diagnostics);
            }
        }

        Level1? level1 = null;
        if (l1Node is not null)
        {
            if (parent is not { } l1)
            {
                Invalid(l1Node, MessageText.Of("reason.expectedOneOf", ("choices", string.Join(", ", IndicatorLevels.Level1Labels.Concat(LabelAliases.Accepted(LabelAliases.Level1))))), diagnostics);
            }
            else if (level2 is { } l2 && !IndicatorLevels.Belongs(l1, l2))
            {
                diagnostics.Add(DiagnosticCodes.LevelMismatch, DiagnosticSeverity.Error, l1Node.Path, l1Node.Location,
                    ("level1", IndicatorLevels.Text(l1)), ("level2", IndicatorLevels.Text(l2)));
            }
            else
            {
                level1 = l1;
            }
        }

        Comparison? explicitComparison = null;
        if (node.Get("comparison") is { } cNode)
        {
            if (Target.TryParseComparison(cNode.Text!, out var c))
            {
                explicitComparison = c;
            }
            else
            {
                Invalid(cNode, ComparisonChoices, diagnostics);
            }
        }

        var target = node.Get("target") is { } targetNode && level2 is { } lvl2 ? ReadTarget(targetNode, lvl2, explicitComparison, diagnostics) : null;
        if (diagnostics.ErrorCount != errorsBefore || node.Faulty || level2 is null || target is null)
        {
            return null;
        }

        return new IndicatorDefinition
        {
            Id = node.String("id")!,
            Name = node.String("name")!,
            Program = node.String("program"),
            Level1 = level1 ?? IndicatorLevels.DefaultParent(level2.Value),
            Level2 = level2.Value,
            Target = target,
            Unit = node.String("unit") ?? target.Unit ?? (target.IsPercent ? "%" : null),
            Weight = node.Decimal("weight"),
            Compute = node.String("compute"),
            Description = node.String("description"),
        };
    }

    /// <summary>The reason given for a comparison that names none: the symbols and the names.</summary>
    private static readonly MessageText ComparisonChoices =
        MessageText.Of("reason.expectedOneOf", ("choices", "≥, ≧, ⩾, >=, ＞, ﹥, >, ≤, ≦, ⩽, <=, ＜, ﹤, <, ＝, ﹦, ═, =, ==, atLeast, greaterThan, atMost, lessThan, equal, range, deadline, qualitative"));

    private static Target? ReadTarget(JsonTree node, Level2 level2, Comparison? explicitComparison, DiagnosticBag diagnostics)
    {
        switch (node.Kind)
        {
            case JsonKind.Number:
                var value = node.Decimal();
                return new Target { Comparison = explicitComparison ?? (value == 0 ? Comparison.Equal : Target.DefaultComparison(level2)), Value = value, Text = node.Text, ComparisonInferred = explicitComparison is null };
            case JsonKind.String:
                if (Target.TryRead(node.Text!, level2, explicitComparison, out var target, out var error))
                {
                    return target;
                }

                diagnostics.Add(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, node.Path, node.Location, ("value", node.Text), ("reason", error));
                return null;
            default:
                return node.Faulty ? null : ReadTargetObject(node, level2, explicitComparison, diagnostics);
        }
    }

    private static Target? ReadTargetObject(JsonTree node, Level2 level2, Comparison? explicitComparison, DiagnosticBag diagnostics)
    {
        var before = diagnostics.Count;
        var comparison = explicitComparison;
        if (node.Get("comparison") is { } cNode)
        {
            if (Target.TryParseComparison(cNode.Text!, out var c) && (explicitComparison is null || explicitComparison == c))
            {
                comparison = c;
            }
            else
            {
                diagnostics.Add(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, cNode.Path, cNode.Location, ("value", cNode.Text),
                    ("reason", explicitComparison is null ? ComparisonChoices : MessageText.Of("reason.comparisonDisagrees")));
            }
        }

        var value = node.Decimal("value");
        var upper = node.Decimal("upper");
        var description = node.String("description");
        Deadline? deadline = null;
        if (node.Get("deadline") is { } dNode)
        {
            var text = Notation.Normalize(dNode.Text!);
            if (Notation.TryReadDeadline(text, out var d))
            {
                deadline = d;
            }
            else if (Notation.TryReadDate(text, out var date))
            {
                deadline = new Deadline(date.Month, date.Day, date.Year);
            }
            else
            {
                diagnostics.Add(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, dNode.Path, dNode.Location, ("value", dNode.Text), ("reason", MessageText.Of("reason.deadlineExpected")));
            }
        }

        comparison ??= deadline is not null ? Comparison.Deadline
            : upper is not null ? Comparison.Range
            : value is not null ? (value == 0 ? Comparison.Equal : Target.DefaultComparison(level2))
            : description is not null ? Comparison.Qualitative
            : null;

        var problem = comparison switch
        {
            _ when diagnostics.Count != before => null,
            null => MessageText.Of("target.comparisonNeeded"),
            Comparison.Deadline when deadline is null => MessageText.Of("target.objectNeedsProperty", ("comparison", "deadline"), ("property", "deadline")),
            Comparison.Qualitative when description is null => MessageText.Of("target.objectNeedsProperty", ("comparison", "qualitative"), ("property", "description")),
            Comparison.Range when value is null || upper is null => MessageText.Of("target.rangeNeedsProperties", ("lower", "value"), ("upper", "upper")),
            Comparison.Range when value > upper => MessageText.Of("target.rangeReversed"),
            not (Comparison.Deadline or Comparison.Qualitative or Comparison.Range) when value is null => MessageText.Of("target.numericNeedsProperty", ("property", "value")),
            _ => null,
        };
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error, node.Path, node.Location, ("value", "{…}"), ("reason", problem));
        }

        return diagnostics.Count != before ? null : new Target
        {
            Comparison = comparison!.Value,
            Value = value,
            UpperValue = upper,
            IsPercent = node.Bool("percent") ?? false,
            Unit = node.String("unit"),
            Deadline = deadline,
            Description = description,
            ComparisonInferred = node.Get("comparison") is null && explicitComparison is null && comparison is not (Comparison.Deadline or Comparison.Qualitative or Comparison.Range),
        };
    }

    internal static void Invalid(JsonTree node, MessageText reason, DiagnosticBag diagnostics) =>
        diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, node.Path, node.Location, ("value", node.Text), ("reason", reason));
}
