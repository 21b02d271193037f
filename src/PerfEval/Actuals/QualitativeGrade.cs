namespace PerfEval.Actuals;

/// <summary>The grade of a qualitative indicator (national bands).</summary>
public enum QualitativeGrade
{
    /// <summary>达成年度指标: a score in [0.8 W, W].</summary>
    Achieved,

    /// <summary>部分达成年度指标并具有一定效果: a score in [0.6 W, 0.8 W).</summary>
    Partial,

    /// <summary>未达成年度指标且效果较差: a score in [0, 0.6 W).</summary>
    NotAchieved,
}
