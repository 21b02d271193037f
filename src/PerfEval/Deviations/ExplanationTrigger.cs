namespace PerfEval.Deviations;

/// <summary>Why an explanation (偏差原因分析及改进措施) is required.</summary>
public enum ExplanationTrigger
{
    /// <summary>The indicator scored less than its weight.</summary>
    PointsLost,

    /// <summary>The completion rate reached the policy's over-achievement review threshold (120 % by default).</summary>
    OverAchievement,

    /// <summary>Budget execution below the policy's threshold (90 % by default).</summary>
    BudgetUnderExecution,
}
