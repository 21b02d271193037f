using PerfEval.Indicators;

namespace PerfEval.Loading;

/// <summary>An older, regional or traditional-character label and the current label it is read as.</summary>
/// <param name="Label">The label as older or regional forms write it (进度指标, 數量指標).</param>
/// <param name="Current">The current label it is read as (时效指标, 数量指标).</param>
internal sealed record LabelAlias(string Label, string Current)
{
    /// <summary>For a level-2 label: the level 1 it must stand under for the alias to apply; null when it applies anywhere.</summary>
    public Level1? Under { get; init; }

    /// <summary>For a level-2 label: the level 1 the indicator moves to (服务对象满意度指标 under 效益指标 → 满意度指标).</summary>
    public Level1? MovesTo { get; init; }
}
