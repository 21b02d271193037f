namespace PerfEval.Indicators;

/// <summary>Level-2 indicator groups (二级指标).</summary>
public enum Level2
{
    /// <summary>数量指标 (output).</summary>
    Quantity,

    /// <summary>质量指标 (output).</summary>
    Quality,

    /// <summary>时效指标 (output).</summary>
    Timeliness,

    /// <summary>成本指标 (output in the 2020 table; its own level 1 in the 2021 guidance).</summary>
    Cost,

    /// <summary>经济效益指标 (benefit).</summary>
    Economic,

    /// <summary>社会效益指标 (benefit).</summary>
    Social,

    /// <summary>生态效益指标 (benefit).</summary>
    Ecological,

    /// <summary>可持续影响指标 (benefit).</summary>
    Sustainability,

    /// <summary>服务对象满意度指标 (satisfaction).</summary>
    Satisfaction,

    /// <summary>经济成本指标 (cost, 2021 guidance).</summary>
    EconomicCost,

    /// <summary>社会成本指标 (cost, 2021 guidance).</summary>
    SocialCost,

    /// <summary>生态环境成本指标 (cost, 2021 guidance).</summary>
    EcologicalCost,
}
