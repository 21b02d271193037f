namespace PerfEval.Indicators;

/// <summary>
/// What kind of money a funding source is, for the rows of the table's funds block: the national project form's
/// rows (当年财政拨款, 上年结转资金, 其他资金) or the transfer-payment form's (中央补助, 地方资金).
/// </summary>
public enum SourceCategory
{
    /// <summary>当年财政拨款: this year's appropriation.</summary>
    Appropriation,

    /// <summary>上年结转资金: carried over from the previous year.</summary>
    CarryOver,

    /// <summary>其他资金: any other money.</summary>
    Other,

    /// <summary>中央补助: the central government's subsidy (transfer-payment form).</summary>
    CentralSubsidy,

    /// <summary>地方资金: local money (transfer-payment form).</summary>
    LocalFunds,
}
