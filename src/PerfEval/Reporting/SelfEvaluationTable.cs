using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Deviations;
using PerfEval.Evaluation;
using PerfEval.Indicators;

namespace PerfEval.Reporting;

/// <summary>
/// The self-evaluation table (项目支出绩效自评表) in the national layout, built from an evaluation; the writers
/// (Markdown, CSV, HTML, and Excel in PerfEval.Excel) all print this one model.
/// </summary>
public sealed record SelfEvaluationTable
{
    /// <summary>The title: （2025年度）项目支出绩效自评表.</summary>
    public required string Title { get; init; }

    /// <summary>项目名称.</summary>
    public required string ProgrammeName { get; init; }

    /// <summary>主管部门.</summary>
    public string? Department { get; init; }

    /// <summary>实施单位.</summary>
    public string? ImplementingUnit { get; init; }

    /// <summary>The money unit (万元).</summary>
    public required string Unit { get; init; }

    /// <summary>The funds block: the total row first.</summary>
    public required ImmutableArray<FundsRow> Funds { get; init; }

    /// <summary>年度总体目标: 预期目标.</summary>
    public required ImmutableArray<string> Goals { get; init; }

    /// <summary>年度总体目标: 实际完成情况, summarised from the results.</summary>
    public required string GoalsOutcome { get; init; }

    /// <summary>The indicator rows, grouped by level 1 and level 2 in the national order.</summary>
    public required ImmutableArray<IndicatorRow> Indicators { get; init; }

    /// <summary>总分's weight (100).</summary>
    public required decimal TotalWeight { get; init; }

    /// <summary>总分.</summary>
    public required decimal TotalScore { get; init; }

    /// <summary>The grade's label (优).</summary>
    public required string Grade { get; init; }

    /// <summary>The options the table was built with.</summary>
    public required TableOptions Options { get; init; }

    /// <summary>The labels of the table, in its language.</summary>
    public TableLabels Labels => Options.Chinese ? TableLabels.Chinese : TableLabels.English;

    /// <summary>Builds the table from an evaluation.</summary>
    /// <param name="result">The evaluation.</param>
    /// <param name="options">The optional columns and the language; the defaults when null.</param>
    /// <returns>The table.</returns>
    public static SelfEvaluationTable From(EvaluationResult result, TableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new TableOptions();
        var zh = options.Chinese;
        var labels = zh ? TableLabels.Chinese : TableLabels.English;
        var b = result.Budget;

        var funds = ImmutableArray.CreateBuilder<FundsRow>();
        funds.Add(new FundsRow(labels.FundsTotal, b.Initial, b.Available, b.Spent, b.Weight, b.ExecutionRate, b.Score));
        foreach (var (category, label) in FundsRows(b, labels))
        {
            funds.Add(SourceRow(label, [.. b.Sources.Where(s => s.Category == category)]));
        }

        var rows = result.Indicators
            .Select((i, position) => (i, position))
            .OrderBy(x => x.i.Level1).ThenBy(x => x.i.Level2).ThenBy(x => x.position)
            .Select(x => Row(x.i, options))
            .ToImmutableArray();

        var counts = result.Indicators.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count());
        int Count(IndicatorStatus s) => counts.GetValueOrDefault(s);
        var rate = b.ExecutionRate is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";
        var outcome = zh
            ? $"{result.Indicators.Length}项绩效指标中，{Count(IndicatorStatus.Met)}项达成，{Count(IndicatorStatus.PartiallyMet)}项部分达成，{Count(IndicatorStatus.NotMet) + Count(IndicatorStatus.Missing)}项未达成或未填报；预算执行率{rate}。"
            : $"Of {result.Indicators.Length} indicators, {Count(IndicatorStatus.Met)} met, {Count(IndicatorStatus.PartiallyMet)} partially met, {Count(IndicatorStatus.NotMet) + Count(IndicatorStatus.Missing)} not met or not reported; budget execution {rate}.";

        return new SelfEvaluationTable
        {
            Title = zh ? $"项目支出绩效自评表（{result.Year}年度）" : $"Project expenditure performance self-evaluation ({result.Year})",
            ProgrammeName = result.Name,
            Department = result.Department,
            ImplementingUnit = result.ImplementingUnit,
            Unit = b.Unit,
            Funds = funds.ToImmutable(),
            Goals = result.Goals,
            GoalsOutcome = outcome,
            Indicators = rows,
            TotalWeight = result.TotalWeight,
            TotalScore = result.TotalScore,
            Grade = zh ? result.Grade.Label : result.Grade.EnglishLabel,
            Options = options,
        };
    }

    /// <summary>
    /// The source rows of the funds block: 当年财政拨款, 上年结转资金 and 其他资金 on the national project form; 中央补助 and
    /// 地方资金 on the transfer-payment form (when any source is of these), then any other category that has sources.
    /// </summary>
    private static IEnumerable<(SourceCategory Category, string Label)> FundsRows(BudgetResult b, TableLabels labels)
    {
        (SourceCategory, string)[] project = [(SourceCategory.Appropriation, labels.Appropriation), (SourceCategory.CarryOver, labels.CarryOver), (SourceCategory.Other, labels.OtherFunds)];
        if (!b.Sources.Any(s => s.Category is SourceCategory.CentralSubsidy or SourceCategory.LocalFunds))
        {
            return project;
        }

        (SourceCategory, string)[] transfer = [(SourceCategory.CentralSubsidy, labels.CentralSubsidy), (SourceCategory.LocalFunds, labels.LocalFunds)];
        return transfer.Concat(project.Where(p => b.Sources.Any(s => s.Category == p.Item1)));
    }

    /// <summary>
    /// A source row: the sums of its sources' initial budgets (when each gives one), amounts and spending (when each gives
    /// it), and its execution rate; weight and score are the total row's only.
    /// </summary>
    private static FundsRow SourceRow(string label, List<BudgetLineResult> lines)
    {
        if (lines.Count == 0)
        {
            return new FundsRow(label, null, null, null, null, null, null);
        }

        var available = lines.Sum(l => l.Amount);
        var initial = Figures.SumOfAll(lines, l => l.Initial);
        var spent = Figures.SumOfAll(lines, l => l.Spent);
        var rate = spent is { } s && available > 0 ? Figures.Percent(s / available) : (decimal?)null;
        return new FundsRow(label, initial, available, spent, null, rate, null);
    }

    private static IndicatorRow Row(IndicatorResult i, TableOptions options)
    {
        var t = i.Target;
        var symbol = t.Comparison switch
        {
            Comparison.Range => options.Chinese ? "区间" : "range",
            Comparison.Deadline => options.Chinese ? "时限" : "deadline",
            Comparison.Qualitative => options.Chinese ? "定性" : "qualitative",
            _ => Target.Symbol(t.Comparison),
        };
        var value = t.Display;
        if (options.ComparisonColumn && t.Comparison is not (Comparison.Range or Comparison.Deadline or Comparison.Qualitative))
        {
            value = value[Target.Symbol(t.Comparison).Length..];
        }

        if (!options.UnitColumn && t.IsNumeric && i.Unit is { } unit && !t.IsPercent)
        {
            value += unit;
        }

        return new IndicatorRow
        {
            Level1 = i.Level1,
            Level2 = i.Level2,
            Level1Label = IndicatorLevels.Name(i.Level1, options.Chinese),
            Level2Label = IndicatorLevels.Name(i.Level2, options.Chinese),
            Id = i.Id,
            Name = i.Name,
            Program = i.Program,
            Comparison = symbol,
            Target = value,
            Unit = i.Unit,
            Actual = i.Status == IndicatorStatus.NotApplicable ? (options.Chinese ? "不适用" : "n/a") : i.Actual?.Text ?? "—",
            CompletionRate = i.CompletionRate,
            Weight = i.Weight,
            Score = i.Score,
            Deviation = DeviationText(i.Deviation, options.Chinese),
        };
    }

    private static string DeviationText(Deviation d, bool chinese) =>
        string.Join(chinese ? "；" : "; ", d.Reasons
            .OrderBy(r => r.Source)
            .Select(r => r.Measures is null ? r.Text : $"{r.Text}{(chinese ? "改进措施：" : " Measures: ")}{r.Measures}")
            .Where(t => t.Length > 0));
}
