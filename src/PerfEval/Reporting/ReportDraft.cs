using System.Globalization;
using System.Text;
using PerfEval.Deviations;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Scoring;

namespace PerfEval.Reporting;

/// <summary>
/// Drafts the figures of a self-evaluation report (绩效自评报告) in Chinese, in the sentence patterns real reports
/// use: the funds paragraph (sources, spending, execution rate, shares), the indicators grouped by level-2 group and
/// sub-programme, the deviations with their reasons and measures, and a conclusion that matches the results.
/// </summary>
public static class ReportDraft
{
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    /// <summary>The draft of the report's sections 二 (绩效情况分析) and 三 (偏离绩效目标的原因和下一步改进措施).</summary>
    /// <param name="result">The evaluation.</param>
    /// <returns>The text, one paragraph per line.</returns>
    public static string ToChinese(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        var year = result.Year.ToString(CultureInfo.InvariantCulture);
        var b = result.Budget;
        var unit = b.Unit;

        sb.AppendLine("二、绩效情况分析").AppendLine();
        sb.AppendLine("（一）资金投入情况分析。").AppendLine();
        sb.AppendLine("1、资金筹集情况").AppendLine();
        var funding = new StringBuilder($"{year}年，{result.Name}共筹集资金{Money(b.Available)}{unit}");
        if (b.Sources.Length > 0)
        {
            funding.Append("，其中：").Append(string.Join("，", b.Sources.Select(s => $"{s.Name}{Money(s.Amount)}{unit}")));
        }

        sb.AppendLine(funding.Append('。').ToString()).AppendLine();
        sb.AppendLine("2、资金支出情况").AppendLine();
        var spending = new StringBuilder($"{year}年{result.Name}支出{Money(b.Spent)}{unit}，执行率为{Rate(b.ExecutionRate)}");
        if (b.Expenditures.Length > 0)
        {
            spending.Append("。其中：").Append(string.Join("；", b.Expenditures.Select(e => $"{e.Name}{(e.Name.EndsWith("支出", StringComparison.Ordinal) ? string.Empty : "支出")}{Money(e.Amount)}{unit}，占总支出的{Rate(e.Share)}")));
        }

        sb.AppendLine(spending.Append('。').ToString()).AppendLine();
        if (b.Deviation.ExplanationRequired)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"预算执行率低于{Number((result.PolicyUsed ?? ScoringPolicy.Mof2020).BudgetExplanationBelow)}%{Reasons(b.Deviation)}").AppendLine();
        }

        sb.AppendLine("（二）总体绩效目标完成情况分析。").AppendLine();
        var met = result.Indicators.Count(i => i.Status == IndicatorStatus.Met);
        var unmet = result.Indicators.Where(i => i.Status is IndicatorStatus.PartiallyMet or IndicatorStatus.NotMet or IndicatorStatus.Missing).ToList();
        var applicable = result.Indicators.Count(i => i.Status != IndicatorStatus.NotApplicable);
        sb.AppendLine(applicable == 0
            ? string.Create(CultureInfo.InvariantCulture, $"年度未设定可评价的绩效指标，自评得分{Number(result.TotalScore)}分，评价等级为“{result.Grade.Label}”。")
            : unmet.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"年度设定的{applicable}项绩效指标全部完成，自评得分{Number(result.TotalScore)}分，评价等级为“{result.Grade.Label}”。")
            : string.Create(CultureInfo.InvariantCulture, $"年度设定的{applicable}项绩效指标中，{met}项完成年度目标，{unmet.Count}项未完成年度目标，自评得分{Number(result.TotalScore)}分，评价等级为“{result.Grade.Label}”。")).AppendLine();

        sb.AppendLine("（三）绩效指标完成情况分析。").AppendLine();
        var groups = result.Indicators.Select((i, n) => (i, n)).OrderBy(x => x.i.Level1).ThenBy(x => x.i.Level2).ThenBy(x => x.n).GroupBy(x => x.i.Level2).ToList();
        var manyPrograms = result.Indicators.Select(i => i.Program).Distinct().Count() > 1;
        for (var g = 0; g < groups.Count; g++)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{g + 1}. {IndicatorLevels.Name(groups[g].Key, chinese: true)}分析").AppendLine();
            foreach (var program in groups[g].GroupBy(x => x.i.Program))
            {
                if (manyPrograms && program.Key is { } name)
                {
                    sb.AppendLine(name).AppendLine();
                }

                var n = 1;
                foreach (var (i, _) in program)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"（{n++}）{Sentence(i, year)}").AppendLine();
                }
            }
        }

        sb.AppendLine("三、偏离绩效目标的原因和下一步改进措施").AppendLine();
        if (applicable == 0)
        {
            // No claim without substance: a set without indicators has no targets that were met.
            sb.AppendLine(CultureInfo.InvariantCulture, $"{result.Name}未设定可评价的绩效指标，无法判断绩效目标完成情况。").AppendLine();
        }
        else if (unmet.Count == 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{result.Name}各项绩效目标全面完成。").AppendLine();
        }
        else
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{result.Name}{unmet.Count}项绩效指标未完成年度目标：{string.Join("、", unmet.Select(i => i.Name))}。具体原因和改进措施如下：").AppendLine();
            var k = 1;
            foreach (var i in unmet)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"{k++}. {i.Name}：{Shortfall(i)}{Reasons(i.Deviation)}").AppendLine();
            }
        }

        var reviews = result.Indicators.Where(i => i.Deviation.Triggers.Contains(ExplanationTrigger.OverAchievement)).ToList();
        if (reviews.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"另有{reviews.Count}项指标超额完成较多，需分析年度目标设定是否合理：{string.Join("、", reviews.Select(i => $"{i.Name}（完成率{Rate(i.CompletionRate)}）"))}。");
        }

        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    private static string Sentence(IndicatorResult i, string year)
    {
        var t = i.Target;
        var unit = Unit(i);
        var target = t.Comparison switch
        {
            Comparison.Deadline or Comparison.Qualitative => t.Display,
            Comparison.Range => $"{Number(t.Value ?? 0)}—{Number(t.UpperValue ?? 0)}{unit}",
            // Reports write "≥95%" and "≤0起" but "2300人" and "100%": the sign only where the author wrote one that matters.
            _ => (t.ComparisonInferred || t.Comparison == Comparison.Equal || (t.Comparison == Comparison.AtLeast && !t.IsPercent) ? string.Empty : Target.Symbol(t.Comparison)) + Number(t.Value ?? 0) + unit,
        };
        var actual = Reached(i) ?? "未填报";
        var head = $"{i.Name}年度目标指标值为{target}，";
        var sentence = i.Status switch
        {
            IndicatorStatus.NotApplicable => $"{head}{year}年不适用",
            IndicatorStatus.Missing => $"{head}{year}年未填报实际完成值",
            // A qualitative target, or a numeric one met in words ("均符合要求") and judged by its grade.
            _ when t.Comparison == Comparison.Qualitative || (i.Grade is not null && i.ActualNumber is null) => $"{head}{year}年实际{(i.Status == IndicatorStatus.Met ? "达到" : "为")}{actual}",
            _ when t.Comparison == Comparison.Deadline && i.Status != IndicatorStatus.Met => $"{head}{year}年实际未完成，完成年度预期目标的{Rate(i.CompletionRate)}",
            _ when t.IsLessBetter => $"{head}{year}年实际完成值为{actual}",
            _ => $"{head}{year}年实际完成{actual}，完成年度预期目标的{Rate(i.CompletionRate)}",
        };
        return sentence + Reasons(i.Deviation);
    }

    /// <summary>
    /// How an unmet indicator fell short: its completion rate; where it has none (a qualitative target, an actual in
    /// words judged by its grade), what was reached, in the preparer's words; an indicator without an actual says so.
    /// </summary>
    private static string Shortfall(IndicatorResult i) =>
        i.CompletionRate is { } rate ? "完成率" + Rate(rate)
        : i.Status != IndicatorStatus.Missing && Reached(i) is { Length: > 0 } reached ? "实际为" + reached
        : "未填报实际完成值";

    /// <summary>What an indicator reached, as section 二 writes it: the scored number with the target's unit, or the actual as given; null without an actual.</summary>
    private static string? Reached(IndicatorResult i) =>
        i.ActualNumber is { } x && i.Target.IsNumeric ? Number(x) + Unit(i) : i.Actual?.Text;

    /// <summary>The unit section 二 writes after an indicator's figures: % for a percent target, else the indicator's unit.</summary>
    private static string Unit(IndicatorResult i) => i.Target.IsPercent ? "%" : i.Unit ?? string.Empty;

    /// <summary>"，因…。改进措施：…。" from the reasons given, the preparer's first; "。" when none.</summary>
    private static string Reasons(Deviation d)
    {
        var preparer = d.Reasons.Where(r => r.Source == ReasonSource.Preparer).ToList();
        var chosen = preparer.Count > 0 ? preparer : [.. d.Reasons];
        if (chosen.Count == 0)
        {
            return d.ExplanationRequired ? "（未说明原因）。" : "。";
        }

        var text = string.Join("；", chosen.Select(r => r.Text.TrimEnd('。', '；', '，')).Where(t => t.Length > 0));
        var measures = string.Join("；", chosen.Select(r => r.Measures?.TrimEnd('。', '；', '，')).Where(m => !string.IsNullOrEmpty(m)));
        return (text.Length > 0 ? "，" + text : string.Empty) + (measures.Length > 0 ? "。改进措施：" + measures : string.Empty) + "。";
    }

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>A rate as reports print it: 120.91%, 110%, 0% (two decimals at most, no trailing zeros).</summary>
    private static string Rate(decimal? percent) => percent is { } p ? Number(p) + "%" : "—";

    private static string Number(decimal value) => Notation.Number(value);
}
