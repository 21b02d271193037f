namespace PerfEval.Indicators;

/// <summary>Level-1 indicator groups (一级指标).</summary>
public enum Level1
{
    /// <summary>产出指标.</summary>
    Output,

    /// <summary>效益指标.</summary>
    Benefit,

    /// <summary>满意度指标.</summary>
    Satisfaction,

    /// <summary>成本指标, as its own level 1 in the 2021 indicator guidance.</summary>
    Cost,
}
