namespace PerfEval.Monitoring;

/// <summary>How the year-end value of an indicator was projected at a monitoring point.</summary>
public enum ProjectionMethod
{
    /// <summary>A count that accumulates through the year: the value so far divided by the share of the year elapsed.</summary>
    Linear,

    /// <summary>A level (a rate, a percentage, a standard per person): the value so far stands for the year.</summary>
    Level,

    /// <summary>The preparer's own expected year-end value (全年预计完成值, <c>projected</c> in the actuals).</summary>
    Stated,

    /// <summary>Not projected: a deadline, a qualitative target, a range or an actual that is not a number is judged as it stands.</summary>
    Judged,

    /// <summary>No actual reported yet.</summary>
    None,
}
