using System.Collections.Immutable;

namespace PerfEval.Deviations;

/// <summary>A category of deviation reason (偏差原因类别), with its labels in Chinese and English.</summary>
/// <param name="Id">The id used in rules and actuals (<c>funds</c>, <c>externalChange</c>…).</param>
/// <param name="Chinese">The Chinese label.</param>
/// <param name="English">The English label.</param>
public sealed record ReasonCategory(string Id, string Chinese, string English)
{
    /// <summary>The categories of section 7 of the domain rules, which every evaluation knows.</summary>
    public static ImmutableArray<ReasonCategory> BuiltIn { get; } =
    [
        new("funds", "资金因素（资金下达晚、财政调度困难等）", "Funds (late or short allocation)"),
        new("policyChange", "政策调整", "Policy change"),
        new("targetTooHigh", "目标设定偏高", "Target set too high"),
        new("targetTooLow", "目标设定偏低", "Target set too low"),
        new("externalChange", "外部环境或需求变化（服务对象减少、需求变化、自然灾害等）", "External or demand change"),
        new("management", "管理与进度（进度滞后、未及时考核等）", "Management and schedule"),
        new("institutional", "制度保障不足", "Institutional"),
        new("staffing", "人员保障不足", "Staffing"),
        new("equipment", "硬件条件保障不足", "Equipment"),
        new("data", "数据或统计口径", "Data or statistical scope"),
        new("notStarted", "项目未启动或未开展", "Not started"),
        new("other", "其他", "Other"),
    ];

    /// <summary>The label in the requested language.</summary>
    /// <param name="chinese">True for Chinese.</param>
    /// <returns>The label.</returns>
    public string Label(bool chinese) => chinese ? Chinese : English;
}
