using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Actuals;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Benchmarks.Baselines;

/// <summary>
/// The hand-written loading path: System.Text.Json into <see cref="Dto"/> classes, then straight-line mapping onto
/// the library's records, reading the notations the benchmarks use (≥2300, 95%, ＝100%, ≤0, 12月底前, 1500元/人/年,
/// 无, 完成 / 未完成, qualitative wording). No regular expressions, no validation beyond what the mapping needs.
/// </summary>
public static class HandWrittenLoader
{
    public static Programme Read(string indicatorSetJson, string actualsJson) =>
        new(Map(Dto.ReadIndicatorSet(indicatorSetJson)), Map(Dto.ReadActuals(actualsJson)));

    public static IndicatorSet Map(IndicatorSetDto dto)
    {
        var indicators = new IndicatorDefinition[dto.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            var r = dto.Indicators[i];
            var level2 = Level2Of(r.Level2);
            var target = TargetOf(r.Target, level2);
            indicators[i] = new IndicatorDefinition
            {
                Id = r.Id,
                Name = r.Name,
                Program = r.Program,
                Level1 = r.Level1 is { } l1 ? Level1Of(l1) : ParentOf(level2),
                Level2 = level2,
                Target = target,
                Unit = r.Unit ?? target.Unit ?? (target.IsPercent ? "%" : null),
                Weight = r.Weight,
                Compute = r.Compute,
                Description = r.Description,
            };
        }

        return new IndicatorSet
        {
            Id = dto.Id,
            Name = dto.Name,
            Year = dto.Year,
            Department = dto.Department,
            ImplementingUnit = dto.ImplementingUnit,
            Goals = dto.Goals is null ? [] : [.. dto.Goals],
            Budget = new BudgetDefinition
            {
                Unit = dto.Budget?.Unit ?? "万元",
                Sources = Lines(dto.Budget?.Sources, isSource: true),
                Expenditures = Lines(dto.Budget?.Expenditures, isSource: false),
            },
            Indicators = Mof2020Arithmetic.Wrap(indicators),
        };
    }

    public static ProgrammeActuals Map(ActualsDto dto)
    {
        var indicators = new IndicatorActual[dto.Indicators.Count];
        var i = 0;
        foreach (var (id, a) in dto.Indicators)
        {
            indicators[i++] = new IndicatorActual
            {
                Id = id,
                Actual = a.Actual is { } v ? ValueOf(v) : null,
                Grade = a.Grade is { } g ? GradeOf(g) : null,
                Score = a.Score,
                Inputs = a.Inputs is { Count: > 0 } inputs ? ImmutableDictionary.CreateRange(StringComparer.Ordinal, inputs) : ImmutableDictionary<string, decimal>.Empty,
                Reason = a.Reason,
                Measures = a.Measures,
                ReasonCategory = a.ReasonCategory,
                Deduction = a.Deduction,
                NotApplicable = a.NotApplicable,
            };
        }

        var b = dto.Budget;
        return new ProgrammeActuals
        {
            IndicatorSet = dto.IndicatorSet,
            Budget = b is null ? new BudgetActuals() : new BudgetActuals
            {
                Initial = b.Initial,
                Available = b.Available,
                Spent = b.Spent,
                Sources = Amounts(b.Sources),
                Expenditures = Amounts(b.Expenditures),
                Reason = b.Reason,
                Measures = b.Measures,
                ReasonCategory = b.ReasonCategory,
            },
            Indicators = Mof2020Arithmetic.Wrap(indicators),
        };
    }

    private static ImmutableArray<BudgetLine> Lines(List<BudgetLineDto>? lines, bool isSource)
    {
        if (lines is null)
        {
            return [];
        }

        var result = new BudgetLine[lines.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var l = lines[i];
            result[i] = new BudgetLine(l.Id, l.Name)
            {
                Category = !isSource || l.Category is null ? SourceCategory.Appropriation : l.Category switch
                {
                    "carryOver" or "上年结转资金" or "上年结转" or "上年结余" or "上年结余资金" => SourceCategory.CarryOver,
                    "other" or "其他资金" => SourceCategory.Other,
                    _ => SourceCategory.Appropriation,
                },
            };
        }

        return Mof2020Arithmetic.Wrap(result);
    }

    private static ImmutableArray<BudgetAmount> Amounts(Dictionary<string, decimal>? amounts)
    {
        if (amounts is null)
        {
            return [];
        }

        var result = new BudgetAmount[amounts.Count];
        var i = 0;
        foreach (var (id, amount) in amounts)
        {
            result[i++] = new BudgetAmount(id, amount);
        }

        return Mof2020Arithmetic.Wrap(result);
    }

    // ---- levels ----

    private static Level2 Level2Of(string text) => text switch
    {
        "quantity" or "数量指标" or "数量" => Level2.Quantity,
        "quality" or "质量指标" or "质量" => Level2.Quality,
        "timeliness" or "时效指标" or "时效" => Level2.Timeliness,
        "cost" or "成本指标" or "成本" => Level2.Cost,
        "economic" or "经济效益指标" or "经济效益" => Level2.Economic,
        "social" or "社会效益指标" or "社会效益" => Level2.Social,
        "ecological" or "生态效益指标" or "生态效益" => Level2.Ecological,
        "sustainability" or "可持续影响指标" or "可持续影响" => Level2.Sustainability,
        "satisfaction" or "服务对象满意度指标" or "服务对象满意度" or "满意度指标" or "满意度" => Level2.Satisfaction,
        "economicCost" or "经济成本指标" => Level2.EconomicCost,
        "socialCost" or "社会成本指标" => Level2.SocialCost,
        "ecologicalCost" or "生态环境成本指标" => Level2.EcologicalCost,
        _ => throw new FormatException("unknown level 2: " + text),
    };

    private static Level1 Level1Of(string text) => text switch
    {
        "output" or "产出指标" or "产出" => Level1.Output,
        "benefit" or "效益指标" or "效益" => Level1.Benefit,
        "satisfaction" or "满意度指标" or "满意度" => Level1.Satisfaction,
        "cost" or "成本指标" or "成本" => Level1.Cost,
        _ => throw new FormatException("unknown level 1: " + text),
    };

    private static Level1 ParentOf(Level2 level2) => level2 switch
    {
        Level2.Quantity or Level2.Quality or Level2.Timeliness or Level2.Cost => Level1.Output,
        Level2.Economic or Level2.Social or Level2.Ecological or Level2.Sustainability => Level1.Benefit,
        Level2.Satisfaction => Level1.Satisfaction,
        _ => Level1.Cost,
    };

    private static Comparison DefaultComparison(Level2 level2) =>
        level2 is Level2.Cost or Level2.EconomicCost or Level2.SocialCost or Level2.EcologicalCost ? Comparison.AtMost : Comparison.AtLeast;

    // ---- targets ----

    private static Target TargetOf(TargetDto dto, Level2 level2)
    {
        if (dto.Text is null)
        {
            // A bare number, or the object form.
            var value = dto.Value ?? 0m;
            var written = dto.Comparison is { } c ? ComparisonOf(c) : (Comparison?)null;
            return new Target
            {
                Comparison = written ?? (value == 0 ? Comparison.Equal : DefaultComparison(level2)),
                Value = dto.Value,
                UpperValue = dto.Upper,
                IsPercent = dto.Percent ?? false,
                Unit = dto.Unit,
                Description = dto.Description,
                Text = dto.Comparison is null ? Number(value) : null,
                ComparisonInferred = written is null,
            };
        }

        var text = dto.Text;
        var s = text.AsSpan().Trim();
        if (TryDeadline(s, out var deadline))
        {
            return new Target { Comparison = Comparison.Deadline, Deadline = deadline, Text = text };
        }

        var comparison = Operator(ref s);
        if (TryQuantity(s, out var number, out var percent, out var unit))
        {
            return new Target
            {
                Comparison = comparison ?? (number == 0 ? Comparison.Equal : DefaultComparison(level2)),
                Value = number,
                IsPercent = percent,
                Unit = unit,
                Text = text,
                ComparisonInferred = comparison is null,
            };
        }

        if (comparison is null && s is "无" or "零")
        {
            return new Target { Comparison = Comparison.Equal, Value = 0, Text = text, ComparisonInferred = true };
        }

        return new Target { Comparison = Comparison.Qualitative, Description = text.Trim(), Text = text };
    }

    private static Comparison? Operator(ref ReadOnlySpan<char> s)
    {
        Comparison? c = null;
        var length = 0;
        if (s.StartsWith(">=") || s.StartsWith("＞＝"))
        {
            (c, length) = (Comparison.AtLeast, 2);
        }
        else if (s.StartsWith("<=") || s.StartsWith("＜＝"))
        {
            (c, length) = (Comparison.AtMost, 2);
        }
        else if (s.Length > 0)
        {
            (c, length) = s[0] switch
            {
                '≥' or '≧' or '⩾' => (Comparison.AtLeast, 1),
                '≤' or '≦' or '⩽' => (Comparison.AtMost, 1),
                '＝' or '=' or '﹦' => (Comparison.Equal, 1),
                '＞' or '>' or '﹥' => (Comparison.GreaterThan, 1),
                '＜' or '<' or '﹤' => (Comparison.LessThan, 1),
                _ => ((Comparison?)null, 0),
            };
        }

        s = s[length..].Trim();
        return c;
    }

    private static Comparison ComparisonOf(string text) => text.Trim() switch
    {
        "≥" or ">=" or "atLeast" => Comparison.AtLeast,
        "＞" or ">" or "greaterThan" => Comparison.GreaterThan,
        "≤" or "<=" or "atMost" => Comparison.AtMost,
        "＜" or "<" or "lessThan" => Comparison.LessThan,
        "＝" or "=" or "equal" => Comparison.Equal,
        "range" => Comparison.Range,
        "deadline" => Comparison.Deadline,
        "qualitative" => Comparison.Qualitative,
        _ => throw new FormatException("unknown comparison: " + text),
    };

    // ---- actuals ----

    private static ActualValue ValueOf(ValueDto v)
    {
        if (v.Number is { } n)
        {
            return new ActualValue { Text = Number(n), Number = n };
        }

        var text = v.Text ?? string.Empty;
        var s = text.AsSpan().Trim();
        foreach (var qualifier in (ReadOnlySpan<string>)["及以上", "以上", "以内", "左右"])
        {
            if (s.EndsWith(qualifier) && TryQuantity(s[..^qualifier.Length].Trim(), out _, out _, out _))
            {
                s = s[..^qualifier.Length].Trim();
                break;
            }
        }

        if (TryDeadline(s, out var deadline))
        {
            return new ActualValue { Text = text, Deadline = deadline, Done = true };
        }

        if (TryQuantity(s, out var number, out var percent, out _))
        {
            return new ActualValue { Text = text, Number = number, IsPercent = percent };
        }

        if (s is "无" or "零")
        {
            return new ActualValue { Text = text, Number = 0 };
        }

        if (s.Length == 10 && s[4] == '-' && s[7] == '-'
            && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new ActualValue { Text = text, Date = date };
        }

        bool? done = s switch
        {
            "完成" or "已完成" or "按时完成" or "全部完成" or "达成" or "已达成" or "达到" or "已达到" or "达成预期指标" or "达成预期目标" or "达成预期"
                or "达到预期" or "达到预期目标" or "完成预期目标" or "达成年度指标" or "完成年度目标" or "是" => true,
            "未完成" or "未达成" or "未达到" or "未开展" or "未实施" or "未达成预期指标" or "未达到预期" or "否" => false,
            _ => null,
        };
        return new ActualValue { Text = text, Done = done };
    }

    private static QualitativeGrade GradeOf(string text) => text.Trim() switch
    {
        "achieved" or "达成年度指标" or "达成" => QualitativeGrade.Achieved,
        "partial" or "partiallyAchieved" or "部分达成年度指标并具有一定效果" or "部分达成" => QualitativeGrade.Partial,
        "notAchieved" or "未达成年度指标且效果较差" or "未达成" => QualitativeGrade.NotAchieved,
        _ => throw new FormatException("unknown grade: " + text),
    };

    // ---- notations ----

    /// <summary>"12月底前", "9月底前", "12月31日前".</summary>
    private static bool TryDeadline(ReadOnlySpan<char> s, out Deadline deadline)
    {
        deadline = null!;
        var i = 0;
        var month = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i < 2)
        {
            month = (month * 10) + (s[i++] - '0');
        }

        if (i == 0 || i >= s.Length || s[i] != '月' || month is < 1 or > 12)
        {
            return false;
        }

        var rest = s[(i + 1)..];
        if (rest is "底前" or "末前" or "底之前" or "底以前")
        {
            deadline = new Deadline(month);
            return true;
        }

        var day = 0;
        var j = 0;
        while (j < rest.Length && char.IsAsciiDigit(rest[j]) && j < 2)
        {
            day = (day * 10) + (rest[j++] - '0');
        }

        if (j > 0 && rest[j..] is "日前" && day >= 1 && day <= DateTime.DaysInMonth(2024, month))
        {
            deadline = new Deadline(month, day);
            return true;
        }

        return false;
    }

    /// <summary>"2300", "95%", "1500元/人/年", "2年": a number, maybe a percent sign, maybe a short unit.</summary>
    private static bool TryQuantity(ReadOnlySpan<char> s, out decimal value, out bool percent, out string? unit)
    {
        value = 0;
        percent = false;
        unit = null;
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        var digits = i;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
        {
            i++;
        }

        if (i == digits || !decimal.TryParse(s[..i], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        var tail = s[i..].Trim();
        if (tail.Length > 0 && tail[0] is '%' or '％')
        {
            percent = true;
            tail = tail[1..].Trim();
        }

        if (tail.Length > 8)
        {
            return false;
        }

        foreach (var c in tail)
        {
            if (char.IsDigit(c) || c is '，' or ',' or '、' or '；' or ';' or '。' or '(' or '（' or '=' or '<' or '>')
            {
                return false;
            }
        }

        unit = tail.Length > 0 ? tail.ToString() : null;
        return true;
    }

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
