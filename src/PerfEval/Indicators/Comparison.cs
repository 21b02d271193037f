namespace PerfEval.Indicators;

/// <summary>How an actual is compared with its target (指标性质).</summary>
public enum Comparison
{
    /// <summary>≥: more is better; met when X ≥ T.</summary>
    AtLeast,

    /// <summary>＞: more is better; scored as ≥ (the platform does not distinguish them).</summary>
    GreaterThan,

    /// <summary>≤: less is better; met when X ≤ T.</summary>
    AtMost,

    /// <summary>＜: less is better; scored as ≤.</summary>
    LessThan,

    /// <summary>＝: the target value exactly; scored as "more is better" when T &gt; 0.</summary>
    Equal,

    /// <summary>A range such as 18—54: met when T_low ≤ X ≤ T_high.</summary>
    Range,

    /// <summary>A deadline such as 12月底前: met when done by then.</summary>
    Deadline,

    /// <summary>A qualitative target such as 有效提升创业能力: judged by a grade, not a ratio.</summary>
    Qualitative,
}
