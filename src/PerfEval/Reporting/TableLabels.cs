using System.Collections.Immutable;

namespace PerfEval.Reporting;

/// <summary>The fixed labels of the self-evaluation table, in one language.</summary>
public sealed record TableLabels
{
    /// <summary>The Chinese labels of the national layout.</summary>
    public static TableLabels Chinese { get; } = new()
    {
        ProgrammeName = "项目名称", Department = "主管部门", ImplementingUnit = "实施单位", Funds = "项目资金", Initial = "年初预算数",
        Available = "全年预算数", Spent = "全年执行数", Weight = "分值", ExecutionRate = "执行率", Score = "得分",
        FundsTotal = "年度资金总额", Appropriation = "其中：当年财政拨款", CarryOver = "上年结转资金", OtherFunds = "其他资金",
        CentralSubsidy = "其中：中央补助", LocalFunds = "地方资金",
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
        CentralSubsidy = "of which: central subsidy", LocalFunds = "local funds",
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

    /// <summary>The label 其中：中央补助 of the transfer-payment form (<c>CentralSubsidy</c>).</summary>
    public required string CentralSubsidy { get; init; }

    /// <summary>The label 地方资金 of the transfer-payment form (<c>LocalFunds</c>).</summary>
    public required string LocalFunds { get; init; }

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
