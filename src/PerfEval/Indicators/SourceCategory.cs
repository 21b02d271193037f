namespace PerfEval.Indicators;

/// <summary>What kind of money a funding source is, for the rows of the table's funds block.</summary>
public enum SourceCategory
{
    /// <summary>当年财政拨款: this year's appropriation.</summary>
    Appropriation,

    /// <summary>上年结转资金: carried over from the previous year.</summary>
    CarryOver,

    /// <summary>其他资金: any other money.</summary>
    Other,
}
