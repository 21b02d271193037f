using System.Globalization;
using System.Text;
using PerfEval.Evaluation;
using PerfEval.Indicators;

namespace PerfEval.Cli;

/// <summary>Prints the self-evaluation table (自评表) for a terminal: columns aligned for Chinese (double-width) text.</summary>
internal static class TerminalTable
{
    public static void Write(EvaluationResult r, TextWriter o, bool chinese)
    {
        string L(string zh, string en) => chinese ? zh : en;
        var b = r.Budget;

        o.WriteLine(chinese ? $"{r.Name} {r.Year} 年度绩效自评表" : $"{r.Name}: performance self-evaluation {r.Year}");
        var header = new List<string>();
        if (r.Department is not null)
        {
            header.Add($"{L("主管部门", "Department")}: {r.Department}");
        }

        if (r.ImplementingUnit is not null)
        {
            header.Add($"{L("实施单位", "Implementing unit")}: {r.ImplementingUnit}");
        }

        header.Add($"{L("评分规则", "Scoring policy")}: {r.Policy}");
        o.WriteLine(string.Join("   ", header));
        o.WriteLine();

        o.WriteLine($"{L("项目资金", "Funds")} ({b.Unit})");
        var funds = new List<string[]>
        {
            new[] { string.Empty, L("年初预算数", "Initial"), L("全年预算数(A)", "Available (A)"), L("全年执行数(B)", "Spent (B)"), L("分值", "Weight"), L("执行率", "Rate"), L("得分", "Score") },
            new[] { L("年度资金总额", "Total"), Money(b.Initial), Money(b.Available), Money(b.Spent), Num(b.Weight), Pct(b.ExecutionRate), Num(b.Score) },
        };
        Print(funds, o, rightAlignFrom: 1);
        if (b.Sources.Length > 0)
        {
            o.WriteLine();
            o.WriteLine($"  {L("资金来源", "Sources")}");
            if (b.Sources.Any(s => s.Initial is not null || s.Spent is not null))
            {
                // The national form's row of each source: initial budget, full-year budget, spending, execution rate, share.
                Print(
                    [
                        ["  ", L("年初预算数", "Initial"), L("全年预算数", "Available"), L("全年执行数", "Spent"), L("执行率", "Rate"), L("占比", "Share")],
                        .. b.Sources.Select(s => new[] { "  " + s.Name, Money(s.Initial), Money(s.Amount), Money(s.Spent), Pct(s.ExecutionRate), Pct(s.Share) }),
                    ],
                    o,
                    rightAlignFrom: 1);
            }
            else
            {
                Print([.. b.Sources.Select(s => new[] { "  " + s.Name, Money(s.Amount), Pct(s.Share) })], o, rightAlignFrom: 1);
            }
        }

        if (b.Expenditures.Length > 0)
        {
            o.WriteLine();
            o.WriteLine($"  {L("支出", "Spending")}");
            Print([.. b.Expenditures.Select(s => new[] { "  " + s.Name, Money(s.Amount), Pct(s.Share) })], o, rightAlignFrom: 1);
        }

        o.WriteLine();
        o.WriteLine(L("绩效指标", "Indicators"));
        var rows = new List<string[]>
        {
            new[] { L("一级指标", "Level 1"), L("二级指标", "Level 2"), L("三级指标", "Indicator"), L("年度指标值", "Target"), L("实际完成值", "Actual"), L("完成率", "Rate"), L("分值", "Weight"), L("得分", "Score"), L("状态", "Status") },
        };
        Level1? lastL1 = null;
        Level2? lastL2 = null;
        foreach (var i in r.Indicators.OrderBy(i => i.Level1).ThenBy(i => i.Level2))
        {
            rows.Add(
            [
                lastL1 == i.Level1 ? string.Empty : IndicatorLevels.Name(i.Level1, chinese),
                lastL1 == i.Level1 && lastL2 == i.Level2 ? string.Empty : IndicatorLevels.Name(i.Level2, chinese),
                i.Name,
                Clip(i.Target.Display + (i.Target.IsNumeric && i.Unit is { } u && u != "%" ? u : string.Empty)),
                Clip(i.Actual?.Text ?? "—"),
                Pct(i.CompletionRate),
                Num(i.Weight) + (i.WeightFilled ? "*" : string.Empty),
                Num(i.Score),
                Status(i.Status, chinese),
            ]);
            lastL1 = i.Level1;
            lastL2 = i.Level2;
        }

        rows.Add([L("总分", "Total"), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, Num(r.TotalWeight), Num(r.TotalScore), $"{L("等级", "Grade")}: {(chinese ? r.Grade.Label : r.Grade.EnglishLabel)}"]);
        Print(rows, o, rightAlignFrom: 5, rightAlignTo: 7);
        if (r.Indicators.Any(i => i.WeightFilled))
        {
            o.WriteLine(L("* 分值由评分规则按一级指标平均分配。", "* weight filled by the scoring policy (level-1 points split evenly)."));
        }

        var explained = r.Indicators.Where(i => i.Deviation.ExplanationRequired || !i.Deviation.Reasons.IsEmpty)
            .Select(i => (i.Name, i.CompletionRate, i.Deviation)).ToList();
        if (b.Deviation.ExplanationRequired || !b.Deviation.Reasons.IsEmpty)
        {
            explained.Insert(0, (L("项目资金执行率", "Budget execution"), b.ExecutionRate, b.Deviation));
        }

        if (explained.Count > 0)
        {
            o.WriteLine();
            o.WriteLine(L("偏差原因分析及改进措施", "Deviation reasons and measures"));
            foreach (var (name, rate, d) in explained)
            {
                var triggers = string.Join(chinese ? "、" : ", ", d.Triggers.Select(t => Trigger(t, chinese)));
                o.WriteLine($"  {name} ({Pct(rate)}){(triggers.Length > 0 ? " — " + triggers : string.Empty)}");
                if (d.ExplanationRequired && d.Reasons.IsEmpty)
                {
                    o.WriteLine($"    {L("（未说明原因）", "(no reason given)")}");
                }

                foreach (var reason in d.Reasons)
                {
                    var source = reason.Source == Deviations.ReasonSource.Preparer ? L("填报", "preparer") : L("规则 ", "rule ") + reason.RuleId;
                    o.WriteLine($"    [{reason.CategoryLabel}; {source}] {reason.Text}{(reason.Measures is null ? string.Empty : " " + L("措施：", "Measures: ") + reason.Measures)}");
                }
            }
        }

        if (r.Findings.Length > 0)
        {
            o.WriteLine();
            o.WriteLine(L("检查发现", "Findings"));
            foreach (var f in r.Findings)
            {
                o.WriteLine($"  {f}");
            }
        }
    }

    private static string Trigger(Deviations.ExplanationTrigger trigger, bool chinese) => trigger switch
    {
        Deviations.ExplanationTrigger.PointsLost => chinese ? "失分" : "points lost",
        Deviations.ExplanationTrigger.OverAchievement => chinese ? "超额完成需复核" : "over-achievement to review",
        _ => chinese ? "执行率偏低" : "low execution",
    };

    private static string Status(IndicatorStatus status, bool chinese) => status switch
    {
        IndicatorStatus.Met => chinese ? "达成" : "met",
        IndicatorStatus.PartiallyMet => chinese ? "部分达成" : "partially met",
        IndicatorStatus.NotMet => chinese ? "未达成" : "not met",
        IndicatorStatus.NotApplicable => chinese ? "不适用" : "n/a",
        _ => chinese ? "缺失" : "missing",
    };

    /// <summary>The widest a target or actual cell gets; longer wording ends in … (the JSON output has it whole).</summary>
    private const int MaxCellWidth = 24;

    private static string Clip(string text)
    {
        if (Width(text) <= MaxCellWidth)
        {
            return text;
        }

        var sb = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = Width(rune.ToString());
            if (width + w > MaxCellWidth - 1)
            {
                break;
            }

            sb.Append(rune.ToString());
            width += w;
        }

        return sb.Append('…').ToString();
    }

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Num(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pct(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    internal static void Print(List<string[]> rows, TextWriter o, int rightAlignFrom, int rightAlignTo = int.MaxValue)
    {
        var columns = rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], Width(row[c]));
            }
        }

        foreach (var row in rows)
        {
            var line = new StringBuilder();
            for (var c = 0; c < row.Length; c++)
            {
                var pad = new string(' ', widths[c] - Width(row[c]));
                var right = c >= rightAlignFrom && c <= rightAlignTo;
                line.Append(right ? pad + row[c] : row[c] + pad);
                if (c < row.Length - 1)
                {
                    line.Append("  ");
                }
            }

            o.WriteLine(line.ToString().TrimEnd());
        }
    }

    /// <summary>The columns a text takes in a terminal: East Asian wide and full-width characters take two.</summary>
    internal static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            width += v is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3)
                or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
                or (>= 0x20000 and <= 0x3FFFD) ? 2 : 1;
        }

        return width;
    }
}
