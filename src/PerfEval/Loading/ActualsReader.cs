using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;

namespace PerfEval.Loading;

/// <summary>
/// Maps an actuals document onto <see cref="ProgrammeActuals"/>. The structure is checked against actuals.schema.json
/// first; what is read here is what a schema cannot say: grades and figures written as text.
/// </summary>
internal static class ActualsReader
{
    public static ProgrammeActuals? Read(JsonTree root, DiagnosticBag diagnostics)
    {
        if (!SchemaChecker.Check(root, Schemas.Actuals, diagnostics) && root.Invalid)
        {
            return null;
        }

        var entries = root.Get("indicators")?.Properties ?? default;
        var indicators = ImmutableArray.CreateBuilder<IndicatorActual>(entries.Length);
        foreach (var entry in entries)
        {
            if (ObjectReader.IsEntry(entry) && ReadIndicator(entry.Name, entry.Value, diagnostics) is { } actual)
            {
                indicators.Add(actual);
            }
        }

        var budget = root.Get("budget");
        var stated = root.Get("stated");
        var actuals = new ProgrammeActuals
        {
            IndicatorSet = root.String("indicatorSet")!,
            Budget = budget is null ? new BudgetActuals() : new BudgetActuals
            {
                Initial = budget.Decimal("initial"),
                Available = budget.Decimal("available"),
                Spent = budget.Decimal("spent"),
                Sources = Amounts(budget.Get("sources"), sources: true),
                Expenditures = Amounts(budget.Get("expenditures"), sources: false),
                Reason = budget.String("reason"),
                Measures = budget.String("measures"),
                ReasonCategory = budget.String("reasonCategory"),
            },
            Indicators = indicators.DrainToImmutable(),
            Year = root.Int("year"),
            AsOf = AsOf(root.Get("asOf"), diagnostics),
            Stated = stated is null ? null : new StatedFigures
            {
                Initial = Figure(stated.Get("initial"), diagnostics),
                Available = Figure(stated.Get("available"), diagnostics),
                Spent = Figure(stated.Get("spent"), diagnostics),
                ExecutionRate = Figure(stated.Get("executionRate"), diagnostics),
                BudgetScore = Figure(stated.Get("budgetScore"), diagnostics),
                Sources = StatedSources(stated.Get("sources"), diagnostics),
                SourceShares = Figures(stated.Get("sourceShares"), diagnostics),
                ExpenditureShares = Figures(stated.Get("expenditureShares"), diagnostics),
                CompletionRates = Figures(stated.Get("completionRates"), diagnostics),
                Scores = Figures(stated.Get("scores"), diagnostics),
                Level1Scores = Figures(stated.Get("level1Scores"), diagnostics),
                Level2Scores = Figures(stated.Get("level2Scores"), diagnostics),
                TotalScore = Figure(stated.Get("totalScore"), diagnostics),
                Grade = stated.String("grade"),
                Conclusion = stated.String("conclusion"),
            },
            Locations = SourceMaps.Build(root),
        };
        return diagnostics.HasErrors ? null : actuals;
    }

    /// <summary>A stated figure: a number as written (its decimals are its precision), or a text such as "24.27%".</summary>
    private static decimal? Figure(JsonTree? node, DiagnosticBag diagnostics)
    {
        switch (node?.Kind)
        {
            case null:
                return null;
            case JsonKind.String when Notation.TryReadQuantity(Notation.Normalize(node.Text!), out var v, out _, out _):
                return v;
            case JsonKind.String:
                IndicatorSetReader.Invalid(node, MessageText.Of("reason.figureExpected"), diagnostics);
                return null;
            default:
                return node.Decimal();
        }
    }

    private static ImmutableDictionary<string, decimal> Figures(JsonTree? map, DiagnosticBag diagnostics)
    {
        if (map is null || map.Properties.Length == 0)
        {
            return NoFigures;
        }

        var figures = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        foreach (var p in map.Properties)
        {
            if (ObjectReader.IsEntry(p) && Figure(p.Value, diagnostics) is { } v)
            {
                figures[p.Name] = v;
            }
        }

        return figures.ToImmutable();
    }

    /// <summary>The empty map of figures (ordinal keys, as every map read).</summary>
    private static readonly ImmutableDictionary<string, decimal> NoFigures = ImmutableDictionary.Create<string, decimal>(StringComparer.Ordinal);

    /// <summary>The funds block's rows as stated, by source id.</summary>
    private static ImmutableDictionary<string, StatedSource> StatedSources(JsonTree? map, DiagnosticBag diagnostics)
    {
        if (map is null || map.Properties.Length == 0)
        {
            return ImmutableDictionary<string, StatedSource>.Empty;
        }

        var rows = ImmutableDictionary.CreateBuilder<string, StatedSource>(StringComparer.Ordinal);
        foreach (var p in map.Properties)
        {
            if (ObjectReader.IsEntry(p))
            {
                var row = p.Value;
                rows[p.Name] = new StatedSource
                {
                    Initial = Figure(row.Get("initial"), diagnostics),
                    Available = Figure(row.Get("available"), diagnostics),
                    Spent = Figure(row.Get("spent"), diagnostics),
                    ExecutionRate = Figure(row.Get("executionRate"), diagnostics),
                };
            }
        }

        return rows.ToImmutable();
    }

    /// <summary>
    /// The amounts of a map of budget lines keyed by id; a source may also be an object with its initial budget, its
    /// full-year budget and its spending.
    /// </summary>
    private static ImmutableArray<BudgetAmount> Amounts(JsonTree? map, bool sources)
    {
        if (map is null || map.Properties.Length == 0)
        {
            return [];
        }

        var amounts = ImmutableArray.CreateBuilder<BudgetAmount>(map.Properties.Length);
        foreach (var p in map.Properties)
        {
            if (!ObjectReader.IsEntry(p))
            {
                continue;
            }

            if (sources && p.Value.Kind == JsonKind.Object)
            {
                if (p.Value.Decimal("available") is { } available)
                {
                    amounts.Add(new BudgetAmount(p.Name, available) { Initial = p.Value.Decimal("initial"), Spent = p.Value.Decimal("spent") });
                }
            }
            else
            {
                amounts.Add(new BudgetAmount(p.Name, p.Value.Decimal()));
            }
        }

        return amounts.DrainToImmutable();
    }

    /// <summary>The inputs of an indicator, by name.</summary>
    private static ImmutableDictionary<string, decimal> Inputs(JsonTree? map)
    {
        if (map is null || map.Properties.Length == 0)
        {
            return NoFigures;
        }

        var inputs = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        foreach (var p in map.Properties)
        {
            if (ObjectReader.IsEntry(p))
            {
                inputs.Add(p.Name, p.Value.Decimal());
            }
        }

        return inputs.ToImmutable();
    }

    private static IndicatorActual? ReadIndicator(string id, JsonTree node, DiagnosticBag diagnostics)
    {
        switch (node.Kind)
        {
            case JsonKind.Number:
                return new IndicatorActual { Id = id, Actual = ActualValue.FromNumber(node.Decimal()) };
            case JsonKind.String:
                return new IndicatorActual { Id = id, Actual = ActualValue.Parse(node.Text!) };
        }

        QualitativeGrade? grade = null;
        if (node.Get("grade") is { } g)
        {
            if (TryGrade(g.Text!, out var parsed))
            {
                grade = parsed;
            }
            else
            {
                IndicatorSetReader.Invalid(g, MessageText.Of("reason.gradeChoices", ("choices", "achieved, 达成年度指标, 达成, partial, partiallyAchieved, 部分达成年度指标并具有一定效果, 部分达成, notAchieved, 未达成年度指标且效果较差, 未达成")), diagnostics);
            }
        }

        return new IndicatorActual
        {
            Id = id,
            Actual = Value(node.Get("actual")),
            Projected = Value(node.Get("projected")),
            Grade = grade,
            Score = node.Decimal("score"),
            Inputs = Inputs(node.Get("inputs")),
            Reason = node.String("reason"),
            Measures = node.String("measures"),
            ReasonCategory = node.String("reasonCategory"),
            Deduction = node.Decimal("deduction"),
            NotApplicable = node.Bool("notApplicable") ?? false,
        };
    }

    private static ActualValue? Value(JsonTree? node) =>
        node is null ? null : node.Kind == JsonKind.Number ? ActualValue.FromNumber(node.Decimal()) : ActualValue.Parse(node.Text!);

    /// <summary>The as-of date of a monitoring point, written yyyy-MM-dd.</summary>
    private static DateOnly? AsOf(JsonTree? node, DiagnosticBag diagnostics)
    {
        if (node?.Text is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        IndicatorSetReader.Invalid(node, MessageText.Of("reason.dateExpected"), diagnostics);
        return null;
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
