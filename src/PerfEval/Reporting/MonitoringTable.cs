using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Indicators;
using PerfEval.Monitoring;

namespace PerfEval.Reporting;

/// <summary>
/// The monitoring table (项目绩效运行监控表, after the form of 财预〔2019〕136号) built from a <see cref="MonitoringReport"/>:
/// the header, budget execution against the time elapsed, and one row per indicator. Its writers are in
/// <see cref="MonitoringTableWriters"/> (text rows, Markdown, CSV, HTML, JSON) and PerfEval.Excel (xlsx).
/// </summary>
public sealed record MonitoringTable
{
    /// <summary>The title: （2025年度）项目绩效运行监控表.</summary>
    public required string Title { get; init; }

    /// <summary>The as-of line: 监控时点：2025-07-31（时间进度 58.08%）.</summary>
    public required string AsOfLine { get; init; }

    /// <summary>The header fields (项目名称, 主管部门, 实施单位) as label and value.</summary>
    public required ImmutableArray<KeyValuePair<string, string>> Header { get; init; }

    /// <summary>The labels of the budget block.</summary>
    public required ImmutableArray<string> BudgetColumns { get; init; }

    /// <summary>The budget block's one row: 全年预算数, 执行数, 执行率, 时间进度, 是否落后.</summary>
    public required ImmutableArray<string> BudgetRow { get; init; }

    /// <summary>The labels of the indicator columns.</summary>
    public required ImmutableArray<string> Columns { get; init; }

    /// <summary>One row a indicator, as text, in the order of <see cref="Columns"/>.</summary>
    public required ImmutableArray<ImmutableArray<string>> Rows { get; init; }

    /// <summary>The report the table was built from.</summary>
    public required MonitoringReport Report { get; init; }

    /// <summary>True when the table is in Chinese.</summary>
    public required bool Chinese { get; init; }

    /// <summary>The index of the first column that holds figures (年度指标值 onwards are right-aligned up to the likelihood).</summary>
    public const int FirstFigureColumn = 3;

    /// <summary>The index of the last column that holds figures.</summary>
    public const int LastFigureColumn = 7;

    /// <summary>Builds the table.</summary>
    /// <param name="report">The monitoring point.</param>
    /// <param name="chinese">True for Chinese labels (the default), false for English.</param>
    /// <returns>The table.</returns>
    public static MonitoringTable From(MonitoringReport report, bool chinese = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        var asOf = report.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
        var span = report.AsOf is { } d ? (chinese ? $"1—{d.Month}月" : $"Jan–{CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(d.Month)}") : (chinese ? "截至" : "So far");
        var b = report.Budget;
        return new MonitoringTable
        {
            Title = chinese ? $"（{report.Year}年度）项目绩效运行监控表" : $"Programme performance monitoring table ({report.Year})",
            AsOfLine = chinese ? $"监控时点：{asOf}（时间进度 {Pct(report.Elapsed)}）" : $"As of {asOf} (time elapsed {Pct(report.Elapsed)})",
            Header =
            [
                new(chinese ? "项目名称" : "Programme", report.Name),
                new(chinese ? "主管部门" : "Department", report.Department ?? string.Empty),
                new(chinese ? "实施单位" : "Implementing unit", report.ImplementingUnit ?? string.Empty),
            ],
            BudgetColumns = chinese
                ? [$"全年预算数（{b.Unit}）", $"{span}执行数（{b.Unit}）", "执行率", "时间进度", "执行进度"]
                : [$"Full-year budget ({b.Unit})", $"Spent {span} ({b.Unit})", "Execution rate", "Time elapsed", "Schedule"],
            BudgetRow =
            [
                Num(b.Available), Num(b.Spent), Pct(b.ExecutionRate), Pct(b.Elapsed),
                b.ExecutionRate is null ? "—" : b.BehindSchedule ? (chinese ? "落后" : "behind") : (chinese ? "正常" : "on schedule"),
            ],
            Columns = chinese
                ? ["一级指标", "二级指标", "三级指标", "年度指标值", $"{span}执行情况", "完成进度", "全年预计完成值", "预计完成率", "完成目标可能性", "偏差原因类别", "偏差原因", "纠偏措施"]
                : ["Level 1", "Level 2", "Indicator", "Target", $"Actual {span}", "Progress", "Projected year end", "Projected completion", "Likelihood", "Reason category", "Reason", "Correction"],
            Rows = [.. report.Indicators.Select(i => Row(i, chinese))],
            Report = report,
            Chinese = chinese,
        };
    }

    private static ImmutableArray<string> Row(IndicatorProgress i, bool chinese) =>
    [
        IndicatorLevels.Name(i.Level1, chinese),
        IndicatorLevels.Name(i.Level2, chinese),
        i.Name,
        i.Target.Display + (i.Unit is { Length: > 0 } u && !i.Target.IsPercent && i.Target.IsNumeric ? u : string.Empty),
        i.Actual?.Text ?? "—",
        Pct(i.Progress),
        i.Projected is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) + (i.Projection == ProjectionMethod.Stated ? "*" : string.Empty) : "—",
        Pct(i.ProjectedCompletion),
        LikelihoodLabel(i.Likelihood, chinese),
        i.ReasonCategory is null ? string.Empty : CategoryLabel(i.ReasonCategory, chinese),
        i.Reason ?? string.Empty,
        i.Measures ?? string.Empty,
    ];

    /// <summary>The monitoring form's label of a likelihood: 确定能, 有可能, 完全不可能.</summary>
    /// <param name="likelihood">The likelihood.</param>
    /// <param name="chinese">True for Chinese.</param>
    /// <returns>The label.</returns>
    public static string LikelihoodLabel(Likelihood likelihood, bool chinese) => likelihood switch
    {
        Likelihood.Certain => chinese ? "确定能" : "certain",
        Likelihood.Possible => chinese ? "有可能" : "possible",
        _ => chinese ? "完全不可能" : "impossible",
    };

    /// <summary>The monitoring form's label of a reason category: 经费保障, 制度保障, 人员保障, 硬件条件保障, and 其他 for any other.</summary>
    /// <param name="category">The reason-category id.</param>
    /// <param name="chinese">True for Chinese.</param>
    /// <returns>The label.</returns>
    public static string CategoryLabel(string category, bool chinese) => category switch
    {
        "funds" => chinese ? "经费保障" : "Funds",
        "institutional" => chinese ? "制度保障" : "Institutional",
        "staffing" => chinese ? "人员保障" : "Staffing",
        "equipment" => chinese ? "硬件条件保障" : "Equipment",
        _ => chinese ? "其他" : "Other",
    };

    private static string Num(decimal? value) => value is { } v ? Figures.Round(v).ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Pct(decimal? value) => value is { } v ? Figures.Round(v).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";
}
