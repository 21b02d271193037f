using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>Maps an actuals document onto <see cref="ProgrammeActuals"/>.</summary>
internal static class ActualsReader
{
    private static readonly string[] RootProperties = ["indicatorSet", "year", "budget", "indicators", "description", "stated"];
    private static readonly string[] StatedProperties = ["available", "spent", "executionRate", "budgetScore", "sourceShares", "expenditureShares", "completionRates", "scores", "totalScore", "grade", "conclusion"];
    private static readonly string[] BudgetProperties = ["initial", "available", "spent", "sources", "expenditures", "reason", "measures", "reasonCategory"];
    private static readonly string[] IndicatorProperties = ["actual", "grade", "score", "inputs", "reason", "measures", "reasonCategory", "deduction", "notApplicable"];

    public static ProgrammeActuals? Read(JsonTree root, DiagnosticBag diagnostics)
    {
        var r = ObjectReader.Open(root, diagnostics, RootProperties);
        if (r is null)
        {
            return null;
        }

        var setId = r.String("indicatorSet", required: true);
        r.String("description");
        var year = r.Int("year");
        if (year is < 1900 or > 2999)
        {
            var y = r.Get("year")!;
            diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, y.Path, y.Location, ("value", y.Text), ("reason", Messages.IsChinese ? "年度应在 1900 到 2999 之间" : "the year must be between 1900 and 2999"));
        }

        var budget = ReadBudget(r.Object("budget", BudgetProperties), diagnostics);
        var stated = ReadStated(r.Object("stated", StatedProperties), diagnostics);
        var indicators = ImmutableArray.CreateBuilder<IndicatorActual>();
        if (r.Get("indicators", required: true) is { } node)
        {
            if (node.Kind != JsonKind.Object)
            {
                ObjectReader.WrongType(node, "object", diagnostics);
            }
            else
            {
                foreach (var p in node.Properties.Where(p => !ObjectReader.IsComment(p.Name)))
                {
                    if (ReadIndicator(p.Name, p.Value, diagnostics) is { } actual)
                    {
                        indicators.Add(actual);
                    }
                }
            }
        }

        if (diagnostics.HasErrors || setId is null)
        {
            return null;
        }

        return new ProgrammeActuals
        {
            IndicatorSet = setId,
            Budget = budget,
            Indicators = indicators.ToImmutable(),
            Year = year is >= 1900 and <= 2999 ? year : null,
            Stated = stated,
            Locations = SourceMaps.Build(root),
        };
    }

    private static StatedFigures? ReadStated(ObjectReader? s, DiagnosticBag diagnostics)
    {
        if (s is null)
        {
            return null;
        }

        return new StatedFigures
        {
            Available = Figure(s.Get("available"), diagnostics),
            Spent = Figure(s.Get("spent"), diagnostics),
            ExecutionRate = Figure(s.Get("executionRate"), diagnostics),
            BudgetScore = Figure(s.Get("budgetScore"), diagnostics),
            SourceShares = Figures(s.Get("sourceShares"), diagnostics),
            ExpenditureShares = Figures(s.Get("expenditureShares"), diagnostics),
            CompletionRates = Figures(s.Get("completionRates"), diagnostics),
            Scores = Figures(s.Get("scores"), diagnostics),
            TotalScore = Figure(s.Get("totalScore"), diagnostics),
            Grade = s.String("grade"),
            Conclusion = s.String("conclusion"),
        };
    }

    /// <summary>A stated figure: a number as written (its decimals are its precision), or a text such as "24.27%".</summary>
    private static decimal? Figure(JsonTree? node, DiagnosticBag diagnostics)
    {
        switch (node?.Kind)
        {
            case null:
                return null;
            case JsonKind.String when Indicators.Notation.TryReadQuantity(Indicators.Notation.Normalize(node.Text!), out var v, out _, out _):
                return v;
            case JsonKind.String:
                diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, node.Path, node.Location, ("value", node.Text),
                    ("reason", Messages.IsChinese ? "应为数值，如 24.27 或“24.27%”" : "expected a number such as 24.27 or \"24.27%\""));
                return null;
            default:
                return ObjectReader.ReadDecimal(node, diagnostics);
        }
    }

    private static ImmutableDictionary<string, decimal> Figures(JsonTree? node, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return ImmutableDictionary<string, decimal>.Empty;
        }

        if (node.Kind != JsonKind.Object)
        {
            ObjectReader.WrongType(node, "object", diagnostics);
            return ImmutableDictionary<string, decimal>.Empty;
        }

        var figures = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        foreach (var p in node.Properties.Where(p => !ObjectReader.IsComment(p.Name)))
        {
            if (Figure(p.Value, diagnostics) is { } v)
            {
                figures[p.Name] = v;
            }
        }

        return figures.ToImmutable();
    }

    private static BudgetActuals ReadBudget(ObjectReader? b, DiagnosticBag diagnostics)
    {
        if (b is null)
        {
            return new BudgetActuals();
        }

        var result = new BudgetActuals
        {
            Initial = b.Decimal("initial"),
            Available = b.Decimal("available"),
            Spent = b.Decimal("spent"),
            Sources = ReadAmounts(b.Get("sources"), diagnostics),
            Expenditures = ReadAmounts(b.Get("expenditures"), diagnostics),
            Reason = b.String("reason"),
            Measures = b.String("measures"),
            ReasonCategory = b.String("reasonCategory"),
        };
        foreach (var name in (ReadOnlySpan<string>)["initial", "available", "spent"])
        {
            if (b.Get(name) is { Kind: JsonKind.Number } n && ObjectReader.ReadDecimal(n, new DiagnosticBag()) < 0)
            {
                Negative(n, diagnostics);
            }
        }

        return result;
    }

    private static void Negative(JsonTree n, DiagnosticBag diagnostics) =>
        diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, n.Path, n.Location, ("value", n.Text),
            ("reason", Messages.IsChinese ? "金额不能为负数" : "an amount cannot be negative"));

    private static ImmutableArray<BudgetAmount> ReadAmounts(JsonTree? node, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return [];
        }

        if (node.Kind != JsonKind.Object)
        {
            ObjectReader.WrongType(node, "object", diagnostics);
            return [];
        }

        var amounts = ImmutableArray.CreateBuilder<BudgetAmount>();
        foreach (var p in node.Properties.Where(p => !ObjectReader.IsComment(p.Name)))
        {
            if (ObjectReader.ReadDecimal(p.Value, diagnostics) is { } amount)
            {
                if (amount < 0)
                {
                    Negative(p.Value, diagnostics);
                }

                amounts.Add(new BudgetAmount(p.Name, amount));
            }
        }

        return amounts.ToImmutable();
    }

    private static IndicatorActual? ReadIndicator(string id, JsonTree node, DiagnosticBag diagnostics)
    {
        switch (node.Kind)
        {
            case JsonKind.Number:
                return ObjectReader.ReadDecimal(node, diagnostics) is { } n ? new IndicatorActual { Id = id, Actual = ActualValue.FromNumber(n) } : null;
            case JsonKind.String:
                return new IndicatorActual { Id = id, Actual = ActualValue.Parse(node.Text!) };
            case JsonKind.Object:
                break;
            default:
                ObjectReader.WrongType(node, "number, string or object", diagnostics);
                return null;
        }

        var r = ObjectReader.Open(node, diagnostics, IndicatorProperties)!;
        ActualValue? actual = null;
        if (r.Get("actual") is { } a)
        {
            switch (a.Kind)
            {
                case JsonKind.Number:
                    actual = ObjectReader.ReadDecimal(a, diagnostics) is { } n ? ActualValue.FromNumber(n) : null;
                    break;
                case JsonKind.String:
                    actual = ActualValue.Parse(a.Text!);
                    break;
                default:
                    ObjectReader.WrongType(a, "number or string", diagnostics);
                    break;
            }
        }

        QualitativeGrade? grade = null;
        if (r.String("grade") is { } g)
        {
            if (TryGrade(g, out var parsed))
            {
                grade = parsed;
            }
            else
            {
                var n = r.Get("grade")!;
                diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, n.Path, n.Location, ("value", g),
                    ("reason", "achieved | partial | notAchieved (达成年度指标 | 部分达成年度指标并具有一定效果 | 未达成年度指标且效果较差)"));
            }
        }

        var inputs = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        if (r.Get("inputs") is { } inputNode)
        {
            if (inputNode.Kind != JsonKind.Object)
            {
                ObjectReader.WrongType(inputNode, "object", diagnostics);
            }
            else
            {
                foreach (var p in inputNode.Properties.Where(p => !ObjectReader.IsComment(p.Name)))
                {
                    if (ObjectReader.ReadDecimal(p.Value, diagnostics) is { } v)
                    {
                        inputs[p.Name] = v;
                    }
                }
            }
        }

        return new IndicatorActual
        {
            Id = id,
            Actual = actual,
            Grade = grade,
            Score = r.Decimal("score"),
            Inputs = inputs.ToImmutable(),
            Reason = r.String("reason"),
            Measures = r.String("measures"),
            ReasonCategory = r.String("reasonCategory"),
            Deduction = Deduction(r, diagnostics),
            NotApplicable = r.Bool("notApplicable") ?? false,
        };
    }

    private static decimal? Deduction(ObjectReader r, DiagnosticBag diagnostics)
    {
        var d = r.Decimal("deduction");
        if (d < 0)
        {
            var n = r.Get("deduction")!;
            diagnostics.Add(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error, n.Path, n.Location, ("value", n.Text),
                ("reason", Messages.IsChinese ? "扣分不能为负数" : "a deduction cannot be negative"));
            return null;
        }

        return d;
    }

    /// <summary>Reads a qualitative grade from its code or its Chinese phrase (达成 / 部分达成 / 未达成 and the full phrases).</summary>
    public static bool TryGrade(string text, out QualitativeGrade grade)
    {
        var t = text.Trim();
        if (t.Equals("achieved", StringComparison.OrdinalIgnoreCase) || t is "达成年度指标" or "达成")
        {
            grade = QualitativeGrade.Achieved;
            return true;
        }

        if (t.Equals("partial", StringComparison.OrdinalIgnoreCase) || t.Equals("partiallyAchieved", StringComparison.OrdinalIgnoreCase)
            || t is "部分达成年度指标并具有一定效果" or "部分达成")
        {
            grade = QualitativeGrade.Partial;
            return true;
        }

        if (t.Equals("notAchieved", StringComparison.OrdinalIgnoreCase) || t is "未达成年度指标且效果较差" or "未达成")
        {
            grade = QualitativeGrade.NotAchieved;
            return true;
        }

        grade = default;
        return false;
    }
}
