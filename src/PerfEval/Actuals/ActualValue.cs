using PerfEval.Indicators;

namespace PerfEval.Actuals;

/// <summary>
/// An actual (实际完成值) as reported: a number (2781, "98%", "12166名", "88.32%及以上", "无"), a date,
/// a deadline phrase ("12月底前"), a done / not-done word ("完成", "未完成") or wording ("有效提升").
/// </summary>
public sealed record ActualValue
{
    /// <summary>The actual as written.</summary>
    public required string Text { get; init; }

    /// <summary>The number, when the actual is one (the number that counts, for "88.32%及以上").</summary>
    public decimal? Number { get; init; }

    /// <summary>True when the number was written as a percentage.</summary>
    public bool IsPercent { get; init; }

    /// <summary>The date, when the actual is one.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The deadline that was kept, when the actual is a deadline phrase such as 12月底前.</summary>
    public Deadline? Deadline { get; init; }

    /// <summary>True for words that say it was done (完成, 已完成, 达成); false for words that say it was not (未完成, 未开展); otherwise null.</summary>
    public bool? Done { get; init; }

    /// <summary>An actual that is a number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The actual.</returns>
    public static ActualValue FromNumber(decimal value) => new() { Text = Notation.Number(value), Number = value };

    /// <summary>Reads an actual written as text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The actual, with whatever number, date, deadline or done-word it carries.</returns>
    public static ActualValue Parse(string text)
    {
        var s = Notation.Normalize(text);
        foreach (var qualifier in (ReadOnlySpan<string>)["及以上", "以上", "以内", "左右"])
        {
            if (s.EndsWith(qualifier, StringComparison.Ordinal) && Notation.TryReadQuantity(s[..^qualifier.Length].Trim(), out _, out _, out _))
            {
                s = s[..^qualifier.Length].Trim();
                break;
            }
        }

        if (s.Length > 0 && s[0] is '>' or '<' or '=')
        {
            var stripped = s.TrimStart('>', '<', '=').Trim();
            if (Notation.TryReadQuantity(stripped, out _, out _, out _))
            {
                s = stripped;
            }
        }

        if (Notation.TryReadDeadline(s, out var deadline))
        {
            return new ActualValue { Text = text, Deadline = deadline, Done = true };
        }

        // Shaped like a deadline, but no such month or day (13月底前): wording, not the figure 13 with the unit 月底前.
        if (Notation.LooksLikeDeadline(s))
        {
            return new ActualValue { Text = text };
        }

        if (Notation.TryReadQuantity(s, out var number, out var percent, out _))
        {
            return new ActualValue { Text = text, Number = number, IsPercent = percent };
        }

        if (s is "无" or "零" or "0起" or "0 起")
        {
            return new ActualValue { Text = text, Number = 0 };
        }

        if (Notation.TryReadDate(s, out var date))
        {
            return new ActualValue { Text = text, Date = date };
        }

        bool? done = s switch
        {
            "完成" or "已完成" or "按时完成" or "全部完成" or "达成" or "已达成" or "达到" or "已达到" or "达成预期指标" or "达成预期目标" or "达成预期"
                or "达到预期" or "达到预期目标" or "完成预期目标" or "达成年度指标" or "完成年度目标" or "是" or "done" or "yes" => true,
            "未完成" or "未达成" or "未达到" or "未开展" or "未实施" or "未达成预期指标" or "未达到预期" or "否" or "not done" or "no" => false,
            _ => null,
        };
        return new ActualValue { Text = text, Done = done };
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
