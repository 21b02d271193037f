using System.Collections.Immutable;
using PerfEval.Indicators;

namespace PerfEval.Reporting;

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
