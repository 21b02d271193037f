using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PerfEval.Diagnostics;

/// <summary>
/// Message templates by code, in English and Chinese (zh-Hans). The language follows
/// <see cref="CultureInfo.CurrentUICulture"/>: any <c>zh</c> culture gets Chinese, everything else English.
/// Placeholders are written <c>{name}</c>.
/// </summary>
internal static class Messages
{
    internal static readonly Dictionary<string, (string En, string Zh)> Templates = new()
    {
        [DiagnosticCodes.MalformedJson] = ("The file is not valid JSON: {detail}", "文件不是有效的 JSON：{detail}"),
        [DiagnosticCodes.UnknownProperty] = ("Unknown property '{name}'.{suggestion}", "未知属性“{name}”。{suggestion}"),
        [DiagnosticCodes.WrongType] = ("Expected {expected} but found {actual}.", "此处应为{expected}，实际为{actual}。"),
        [DiagnosticCodes.MissingProperty] = ("The required property '{name}' is missing.", "缺少必填属性“{name}”。"),
        [DiagnosticCodes.InvalidValue] = ("Invalid value '{value}': {reason}", "无效的值“{value}”：{reason}"),
        [DiagnosticCodes.DuplicateProperty] = ("The property '{name}' appears more than once.", "属性“{name}”重复出现。"),
        [DiagnosticCodes.DuplicateId] = ("The id '{id}' is used more than once.", "编号“{id}”重复使用。"),
        [DiagnosticCodes.InvalidTarget] = ("The target '{value}' cannot be read: {reason}", "无法识别年度指标值“{value}”：{reason}"),
        [DiagnosticCodes.InvalidExpression] = ("The expression '{expression}' is not allowed: {reason}", "表达式“{expression}”不被允许：{reason}"),
        [DiagnosticCodes.ZeroTargetRatio] = ("The target is 0 with comparison '{comparison}', so no completion rate X / T exists; write '＝0' or '≤0' if zero is what must be reached.", "年度指标值为 0 且指标性质为“{comparison}”，无法计算完成率 X / T；如要求为零，请写作“＝0”或“≤0”。"),
        [DiagnosticCodes.UnreadableFile] = ("The file cannot be read: {reason}", "无法读取文件：{reason}"),
        [DiagnosticCodes.LevelMismatch] = ("The level-2 group '{level2}' does not belong to the level-1 group '{level1}'.", "二级指标“{level2}”不属于一级指标“{level1}”。"),
        [DiagnosticCodes.UnknownIndicator] = ("The indicator set '{set}' has no indicator '{id}'.{suggestion}", "指标集“{set}”中没有指标“{id}”。{suggestion}"),
        [DiagnosticCodes.IndicatorSetMismatch] = ("These actuals are for the indicator set '{actual}', not '{expected}'.", "该实际完成值文件属于指标集“{actual}”，而不是“{expected}”。"),
        [DiagnosticCodes.MissingActual] = ("The indicator '{id}' ({name}) has no actual; it scores 0.", "指标“{id}”（{name}）没有实际完成值，得 0 分。"),
        [DiagnosticCodes.SourcesTotalMismatch] = ("The sources add up to {sum} but the available budget is {total}.", "各资金来源合计 {sum}，与全年预算数 {total} 不一致。"),
        [DiagnosticCodes.ExpendituresTotalMismatch] = ("The expenditures add up to {sum} but the spending is {total}.", "各支出项目合计 {sum}，与全年执行数 {total} 不一致。"),
        [DiagnosticCodes.UnknownBudgetLine] = ("The indicator set declares no {kind} '{id}'.", "指标集未定义{kind}“{id}”。"),
        [DiagnosticCodes.ActualNotComparable] = ("The actual '{actual}' cannot be compared with the target '{target}': {reason}", "实际完成值“{actual}”无法与年度指标值“{target}”比较：{reason}"),
        [DiagnosticCodes.GradeRequired] = ("The qualitative indicator '{id}' needs a grade (achieved / partial / notAchieved): its actual '{actual}' does not repeat the target '{target}'.", "定性指标“{id}”需要给出评价等级（达成 / 部分达成 / 未达成）：实际完成值“{actual}”与年度指标值“{target}”不一致。"),
        [DiagnosticCodes.WeightsDoNotAddUp] = ("The weights add up to {sum}, not {expected}.", "分值合计为 {sum}，不等于 {expected}。"),
        [DiagnosticCodes.OverSpent] = ("The spending {spent} is above the available budget {available}.", "全年执行数 {spent} 超过全年预算数 {available}。"),
        [DiagnosticCodes.ExpressionFailed] = ("The actual of '{id}' could not be computed from '{expression}': {reason}", "指标“{id}”无法按“{expression}”计算实际完成值：{reason}"),
        [DiagnosticCodes.BudgetMissing] = ("The {figure} is missing: give it as a total or as itemised amounts.", "缺少{figure}：请给出合计数或分项金额。"),
        [DiagnosticCodes.NegativeActual] = ("The actual {actual} is negative and counts as 0.", "实际完成值 {actual} 为负数，按 0 计算。"),
        [DiagnosticCodes.ScoreOutOfBand] = ("The score {score} is outside [{low}, {high}], the band of grade '{grade}'; the band's default {used} is used.", "得分 {score} 不在评价等级“{grade}”的分数区间 [{low}, {high}] 内，按默认得分 {used} 计算。"),
        [DiagnosticCodes.LevelPointsExceeded] = ("The explicit weights of '{level1}' add up to {sum}, above its {points} points.", "一级指标“{level1}”的分值合计 {sum}，超过其总分值 {points}。"),
        [DiagnosticCodes.ComputedActualMismatch] = ("The stated actual {stated} disagrees with {computed}, computed from '{expression}'.", "填报的实际完成值 {stated} 与按“{expression}”计算的 {computed} 不一致。"),
        [DiagnosticCodes.UnknownReasonCategory] = ("Unknown reason category '{category}'; known: {known}.", "未知的偏差原因类别“{category}”；可用类别：{known}。"),
        [DiagnosticCodes.UnknownPolicy] = ("Unknown scoring policy '{policy}'; known: {known}.", "未知的评分规则“{policy}”；可用规则：{known}。"),
        [DiagnosticCodes.InvalidPolicy] = ("The scoring policy is inconsistent: {reason}", "评分规则不一致：{reason}"),
        [DiagnosticCodes.DuplicateRule] = ("The rule id '{id}' is used more than once.", "规则编号“{id}”重复使用。"),
        [DiagnosticCodes.DeductionNotAllowed] = ("The policy '{policy}' allows no deductions; the deduction {deduction} is ignored.", "评分规则“{policy}”不允许扣分，扣分 {deduction} 不计。"),
        [DiagnosticCodes.ExplanationMissing] = ("'{name}' ({id}) must be explained ({triggers}) but has no reason.", "“{name}”（{id}）需要说明偏差原因（{triggers}），但未填写。"),
        [DiagnosticCodes.ConsistencyRuleFailed] = ("The consistency rule '{rule}' does not hold: {expression}.", "一致性规则“{rule}”不成立：{expression}。"),
        [DiagnosticCodes.RuleFailed] = ("The rule '{rule}' could not be evaluated: {reason}", "规则“{rule}”无法计算：{reason}"),
        [DiagnosticCodes.StatedFigureDisagrees] = ("{figure}: the report states {stated}, recomputed {recomputed} ({exact} before rounding).", "{figure}：报告陈述 {stated}，重新计算为 {recomputed}（未舍入值 {exact}）。"),
        [DiagnosticCodes.SharesForced] = ("The stated {what} add up to exactly {sum}, but correctly rounded they add up to {recomputed}: the report adjusted {adjusted} to force 100 %.", "报告陈述的{what}合计恰为 {sum}，按四舍五入正确计算合计为 {recomputed}：报告调整了{adjusted}以凑足 100%。"),
        [DiagnosticCodes.TotalContradictsDetail] = ("{figure}: the report states {stated}, but its detail rows add up to {sum}.", "{figure}：报告陈述 {stated}，但明细合计为 {sum}。"),
        [DiagnosticCodes.ScoreAboveWeight] = ("'{name}' is stated to score {stated}, above its weight {weight}.", "“{name}”陈述得分 {stated}，超过其分值 {weight}。"),
        [DiagnosticCodes.StatedScoreOutOfBand] = ("'{name}' is stated to score {stated}, outside [{low}, {high}], the band of its grade '{grade}'.", "“{name}”陈述得分 {stated}，不在评价等级“{grade}”的分数区间 [{low}, {high}] 内。"),
        [DiagnosticCodes.MetButScoredBelowWeight] = ("'{name}' met its target but is stated to score {stated} of {weight}.", "“{name}”已完成年度目标，但陈述得分 {stated}，低于分值 {weight}。"),
        [DiagnosticCodes.ConclusionContradicts] = ("The conclusion \"{conclusion}\" says every target was met, but {count} indicators were not: {names}.", "结论“{conclusion}”称各项目标均已完成，但有 {count} 项指标未完成：{names}。"),
        [DiagnosticCodes.StatedUnknownItem] = ("The report states a figure for '{id}', which the indicator set does not have.", "报告陈述了“{id}”的数值，但指标集中没有该项。"),
        [DiagnosticCodes.YearMismatch] = ("These actuals are for {actual}, but the indicator set '{set}' is for {expected}.", "该实际完成值文件属于 {actual} 年度，而指标集“{set}”属于 {expected} 年度。"),
        [DiagnosticCodes.WeightsExceedTotal] = ("The weights add up to {sum} and the total score is {score}, but the policy '{policy}' gives {expected} points in all: the total and the grade cannot be right.", "分值合计为 {sum}，总得分为 {score}，但评分规则“{policy}”的总分为 {expected}：总得分和评价等级不可信。"),
        [DiagnosticCodes.SpentWithoutBudget] = ("The spending {spent} has no available budget: the available budget is 0, so no execution rate exists.", "全年预算数为 0，却有全年执行数 {spent}：无法计算预算执行率。"),
        [DiagnosticCodes.UnwritableOutput] = ("The output '{output}' cannot be written: {reason}", "无法写入输出“{output}”：{reason}"),
        [DiagnosticCodes.FigureOutOfRange] = ("The {figure} cannot be computed: the numbers are beyond the range of a decimal figure.", "无法计算{figure}：数值超出十进制数的表示范围。"),
        [DiagnosticCodes.NoLevelPoints] = ("The policy '{policy}' gives the level-1 group '{level1}' no points to share; give its indicators explicit weights.", "评分规则“{policy}”未给一级指标“{level1}”分配分值，请为其指标填写分值。"),
        [DiagnosticCodes.WeightsRescaled] = ("{dropped} points of indicators that do not apply were shared among the others in proportion to their weights.", "不适用指标的 {dropped} 分已按权重比例分配给其他指标。"),
        [DiagnosticCodes.NotApplicableWithActual] = ("The indicator is marked not applicable but has an actual; the actual is ignored.", "指标已标记为不适用，但填写了实际完成值；该值不参与计算。"),
    };

    private static readonly Dictionary<string, (string En, string Zh)> Words = new()
    {
        ["object"] = ("an object", "对象"),
        ["array"] = ("an array", "数组"),
        ["string"] = ("a string", "字符串"),
        ["number"] = ("a number", "数字"),
        ["boolean"] = ("true or false", "布尔值"),
        ["null"] = ("null", "null"),
        ["number or string"] = ("a number or a string", "数字或字符串"),
        ["string or object"] = ("a string or an object", "字符串或对象"),
        ["number, string or object"] = ("a number, a string or an object", "数字、字符串或对象"),
        ["source"] = ("source", "资金来源"),
        ["expenditure"] = ("expenditure", "支出项目"),
        ["available budget"] = ("available budget (A, 全年预算数)", "全年预算数（A）"),
        ["spending"] = ("spending (B, 全年执行数)", "全年执行数（B）"),
        ["pointsLost"] = ("points lost", "失分"),
        ["overAchievement"] = ("over-achievement to review", "超额完成需复核"),
        ["budgetUnderExecution"] = ("budget execution below the threshold", "预算执行率偏低"),
        ["did you mean"] = (" Did you mean '{0}'?", "是否应为“{0}”？"),
    };

    /// <summary>True when the current UI culture is Chinese.</summary>
    public static bool IsChinese => IsChineseCulture(CultureInfo.CurrentUICulture);

    public static bool IsChineseCulture(CultureInfo culture)
    {
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (c.Name.Equals("zh", StringComparison.OrdinalIgnoreCase) || c.TwoLetterISOLanguageName == "zh")
            {
                return true;
            }
        }

        return false;
    }

    public static string Word(string key)
    {
        if (!Words.TryGetValue(key, out var w))
        {
            return key;
        }

        return IsChinese ? w.Zh : w.En;
    }

    public static string DidYouMean(string? candidate) =>
        candidate is null ? string.Empty : string.Format(CultureInfo.InvariantCulture, Word("did you mean"), candidate);

    public static string Format(string code, ImmutableDictionary<string, string> arguments) =>
        MessageCatalog.Default.Format(code, arguments, CultureInfo.CurrentUICulture);

    /// <summary>Fills <c>{name}</c> placeholders; an unknown name becomes an empty string.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> arguments) =>
        Fill(template, name => arguments.TryGetValue(name, out var value) ? value : null, string.Empty);

    /// <summary>Fills <c>{name}</c> placeholders from <paramref name="lookup"/>; a name it does not know becomes <paramref name="missing"/>.</summary>
    public static string Fill(string template, Func<string, string?> lookup, string missing)
    {
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            sb.Append(lookup(template.Substring(open + 1, close - open - 1).Trim()) ?? missing);
            i = close + 1;
        }

        return sb.ToString();
    }
}
