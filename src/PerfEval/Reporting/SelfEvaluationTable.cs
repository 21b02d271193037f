using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Deviations;
using PerfEval.Evaluation;
using PerfEval.Indicators;

namespace PerfEval.Reporting;

/// <summary>Which optional columns the self-evaluation table has, and its language.</summary>
public sealed record TableOptions
{
    /// <summary>Chinese labels (the default) or English ones.</summary>
    public bool Chinese { get; init; } = true;

    /// <summary>A 指标性质 column (≥, ≤, ＝…); without it the comparison stands in front of the target value.</summary>
    public bool ComparisonColumn { get; init; }

    /// <summary>A 度量单位 column; without it the unit follows the target value.</summary>
    public bool UnitColumn { get; init; }

    /// <summary>A 完成率 column (as in the seed's report); on by default.</summary>
    public bool CompletionRateColumn { get; init; } = true;
}

/// <summary>A row of the funds block (项目资金): the total, then 当年财政拨款, 上年结转资金 and 其他资金.</summary>
/// <param name="Label">The row's label.</param>
/// <param name="Initial">年初预算数.</param>
/// <param name="Available">全年预算数 (A).</param>
/// <param name="Spent">全年执行数 (B); only on the total row.</param>
/// <param name="Weight">分值; only on the total row (the others print "—").</param>
/// <param name="ExecutionRate">执行率 in percent; only on the total row.</param>
/// <param name="Score">得分; only on the total row.</param>
public sealed record FundsRow(string Label, decimal? Initial, decimal? Available, decimal? Spent, decimal? Weight, decimal? ExecutionRate, decimal? Score);

/// <summary>What a table cell holds, so that writers can keep numbers as numbers.</summary>
public enum CellKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A number (points, money) shown with two decimals.</summary>
    Number,

    /// <summary>A percentage: <see cref="TableCell.Number"/> is in percent (99.57), shown with two decimals and %.</summary>
    Percent,
}

/// <summary>One cell of the table: its text as printed, and its number when it is one.</summary>
/// <param name="Text">The text as printed ("99.57%", "—", "≥2300人").</param>
/// <param name="Number">The number, for <see cref="CellKind.Number"/> and <see cref="CellKind.Percent"/> cells that have one.</param>
/// <param name="Kind">What the cell holds.</param>
public sealed record TableCell(string Text, decimal? Number, CellKind Kind)
{
    /// <summary>A text cell.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell.</returns>
    public static TableCell Of(string text) => new(text, null, CellKind.Text);

    /// <summary>A number cell ("—" when there is no number).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The cell.</returns>
    public static TableCell Of(decimal? value) =>
        new(value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—", value, CellKind.Number);

    /// <summary>A percentage cell ("—" when there is no rate).</summary>
    /// <param name="percent">The rate in percent.</param>
    /// <returns>The cell.</returns>
    public static TableCell Percent(decimal? percent) =>
        new(percent is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—", percent, CellKind.Percent);
}

/// <summary>A row of the indicator block (绩效指标).</summary>
public sealed record IndicatorRow
{
    /// <summary>The level-1 group.</summary>
    public required Level1 Level1 { get; init; }

    /// <summary>The level-2 group.</summary>
    public required Level2 Level2 { get; init; }

    /// <summary>The level-1 label (产出指标).</summary>
    public required string Level1Label { get; init; }

    /// <summary>The level-2 label (数量指标).</summary>
    public required string Level2Label { get; init; }

    /// <summary>The indicator's id.</summary>
    public required string Id { get; init; }

    /// <summary>The indicator's name (三级指标).</summary>
    public required string Name { get; init; }

    /// <summary>The sub-programme, if any.</summary>
    public string? Program { get; init; }

    /// <summary>指标性质: ≥, ≤, ＝, ＞, ＜, 区间, 时限 or 定性.</summary>
    public required string Comparison { get; init; }

    /// <summary>年度指标值 as the table prints it (with the comparison and unit unless they have their own columns).</summary>
    public required string Target { get; init; }

    /// <summary>度量单位.</summary>
    public string? Unit { get; init; }

    /// <summary>实际完成值 as reported.</summary>
    public required string Actual { get; init; }

    /// <summary>完成率 in percent; null where no ratio is defined.</summary>
    public decimal? CompletionRate { get; init; }

    /// <summary>分值.</summary>
    public required decimal Weight { get; init; }

    /// <summary>得分.</summary>
    public required decimal Score { get; init; }

    /// <summary>偏差原因分析及改进措施: the reasons and measures given, joined.</summary>
    public required string Deviation { get; init; }

    /// <summary>The row's cells, in the order of <see cref="TableLabels.IndicatorColumns"/> for the same options.</summary>
    /// <param name="options">The optional columns.</param>
    /// <returns>The cells.</returns>
    public ImmutableArray<TableCell> Cells(TableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cells = ImmutableArray.CreateBuilder<TableCell>();
        cells.AddRange(TableCell.Of(Level1Label), TableCell.Of(Level2Label), TableCell.Of(Name));
        if (options.ComparisonColumn)
        {
            cells.Add(TableCell.Of(Comparison));
        }

        cells.Add(TableCell.Of(Target));
        if (options.UnitColumn)
        {
            cells.Add(TableCell.Of(Unit ?? string.Empty));
        }

        cells.Add(TableCell.Of(Actual));
        if (options.CompletionRateColumn)
        {
            cells.Add(TableCell.Percent(CompletionRate));
        }

        cells.AddRange(TableCell.Of(Weight), TableCell.Of(Score), TableCell.Of(Deviation));
        return cells.ToImmutable();
    }
}

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
        foreach (var (category, label) in new[] { (SourceCategory.Appropriation, labels.Appropriation), (SourceCategory.CarryOver, labels.CarryOver), (SourceCategory.Other, labels.OtherFunds) })
        {
            var lines = b.Sources.Where(s => s.Category == category).ToList();
            funds.Add(new FundsRow(label, null, lines.Count > 0 ? lines.Sum(l => l.Amount) : null, null, null, null, null));
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

/// <summary>The fixed labels of the self-evaluation table, in one language.</summary>
public sealed record TableLabels
{
    /// <summary>The Chinese labels of the national layout.</summary>
    public static TableLabels Chinese { get; } = new()
    {
        ProgrammeName = "项目名称", Department = "主管部门", ImplementingUnit = "实施单位", Funds = "项目资金", Initial = "年初预算数",
        Available = "全年预算数", Spent = "全年执行数", Weight = "分值", ExecutionRate = "执行率", Score = "得分",
        FundsTotal = "年度资金总额", Appropriation = "其中：当年财政拨款", CarryOver = "上年结转资金", OtherFunds = "其他资金",
        Goals = "年度总体目标", Expected = "预期目标", Outcome = "实际完成情况", Indicators = "绩效指标",
        Level1 = "一级指标", Level2 = "二级指标", Level3 = "三级指标", Comparison = "指标性质", Target = "年度指标值", Unit = "度量单位",
        Actual = "实际完成值", CompletionRate = "完成率", Deviation = "偏差原因分析及改进措施", Total = "总分", Grade = "自评等级",
    };

    /// <summary>The English labels.</summary>
    public static TableLabels English { get; } = new()
    {
        ProgrammeName = "Programme", Department = "Department", ImplementingUnit = "Implementing unit", Funds = "Funds", Initial = "Initial budget",
        Available = "Available (A)", Spent = "Spent (B)", Weight = "Weight", ExecutionRate = "Execution rate", Score = "Score",
        FundsTotal = "Total funds", Appropriation = "of which: this year's appropriation", CarryOver = "carried over", OtherFunds = "other funds",
        Goals = "Overall goals", Expected = "Expected", Outcome = "Outcome", Indicators = "Indicators",
        Level1 = "Level 1", Level2 = "Level 2", Level3 = "Indicator", Comparison = "Comparison", Target = "Target", Unit = "Unit",
        Actual = "Actual", CompletionRate = "Completion", Deviation = "Deviation reasons and measures", Total = "Total", Grade = "Grade",
    };

    /// <summary>The label 项目名称 (<c>ProgrammeName</c>).</summary>
    public required string ProgrammeName { get; init; }

    /// <summary>The label 主管部门 (<c>Department</c>).</summary>
    public required string Department { get; init; }

    /// <summary>The label 实施单位 (<c>ImplementingUnit</c>).</summary>
    public required string ImplementingUnit { get; init; }

    /// <summary>The label 项目资金 (<c>Funds</c>).</summary>
    public required string Funds { get; init; }

    /// <summary>The label 年初预算数 (<c>Initial</c>).</summary>
    public required string Initial { get; init; }

    /// <summary>The label 全年预算数 (<c>Available</c>).</summary>
    public required string Available { get; init; }

    /// <summary>The label 全年执行数 (<c>Spent</c>).</summary>
    public required string Spent { get; init; }

    /// <summary>The label 分值 (<c>Weight</c>).</summary>
    public required string Weight { get; init; }

    /// <summary>The label 执行率 (<c>ExecutionRate</c>).</summary>
    public required string ExecutionRate { get; init; }

    /// <summary>The label 得分 (<c>Score</c>).</summary>
    public required string Score { get; init; }

    /// <summary>The label 年度资金总额 (<c>FundsTotal</c>).</summary>
    public required string FundsTotal { get; init; }

    /// <summary>The label 其中：当年财政拨款 (<c>Appropriation</c>).</summary>
    public required string Appropriation { get; init; }

    /// <summary>The label 上年结转资金 (<c>CarryOver</c>).</summary>
    public required string CarryOver { get; init; }

    /// <summary>The label 其他资金 (<c>OtherFunds</c>).</summary>
    public required string OtherFunds { get; init; }

    /// <summary>The label 年度总体目标 (<c>Goals</c>).</summary>
    public required string Goals { get; init; }

    /// <summary>The label 预期目标 (<c>Expected</c>).</summary>
    public required string Expected { get; init; }

    /// <summary>The label 实际完成情况 (<c>Outcome</c>).</summary>
    public required string Outcome { get; init; }

    /// <summary>The label 绩效指标 (<c>Indicators</c>).</summary>
    public required string Indicators { get; init; }

    /// <summary>The label 一级指标 (<c>Level1</c>).</summary>
    public required string Level1 { get; init; }

    /// <summary>The label 二级指标 (<c>Level2</c>).</summary>
    public required string Level2 { get; init; }

    /// <summary>The label 三级指标 (<c>Level3</c>).</summary>
    public required string Level3 { get; init; }

    /// <summary>The label 指标性质 (<c>Comparison</c>).</summary>
    public required string Comparison { get; init; }

    /// <summary>The label 年度指标值 (<c>Target</c>).</summary>
    public required string Target { get; init; }

    /// <summary>The label 度量单位 (<c>Unit</c>).</summary>
    public required string Unit { get; init; }

    /// <summary>The label 实际完成值 (<c>Actual</c>).</summary>
    public required string Actual { get; init; }

    /// <summary>The label 完成率 (<c>CompletionRate</c>).</summary>
    public required string CompletionRate { get; init; }

    /// <summary>The label 偏差原因分析及改进措施 (<c>Deviation</c>).</summary>
    public required string Deviation { get; init; }

    /// <summary>The label 总分 (<c>Total</c>).</summary>
    public required string Total { get; init; }

    /// <summary>The label 自评等级 (<c>Grade</c>).</summary>
    public required string Grade { get; init; }

    /// <summary>The indicator block's column headers for the given options, left to right.</summary>
    /// <param name="options">The optional columns.</param>
    /// <returns>The headers.</returns>
    public ImmutableArray<string> IndicatorColumns(TableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var columns = ImmutableArray.CreateBuilder<string>();
        columns.AddRange(Level1, Level2, Level3);
        if (options.ComparisonColumn)
        {
            columns.Add(Comparison);
        }

        columns.Add(Target);
        if (options.UnitColumn)
        {
            columns.Add(Unit);
        }

        columns.Add(Actual);
        if (options.CompletionRateColumn)
        {
            columns.Add(CompletionRate);
        }

        columns.AddRange(Weight, Score, Deviation);
        return columns.ToImmutable();
    }
}
