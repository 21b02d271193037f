using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PerfEval.Diagnostics;

namespace PerfEval.Indicators;

/// <summary>
/// A target (年度指标值) with its resolved comparison. Read one from the notations real tables use with
/// <see cref="TryParse(string, Level2, out Target?, out string?)"/>, or build one in code.
/// </summary>
public sealed partial record Target
{
    /// <summary>The comparison, resolved: a bare number is resolved by the indicator's kind.</summary>
    public required Comparison Comparison { get; init; }

    /// <summary>The target value T, or the lower bound of a range; <see langword="null"/> for deadlines and qualitative targets.</summary>
    public decimal? Value { get; init; }

    /// <summary>The upper bound of a range.</summary>
    public decimal? UpperValue { get; init; }

    /// <summary>True when the value is a percentage (95 for 95 %).</summary>
    public bool IsPercent { get; init; }

    /// <summary>The unit written with the number (元/人/月), when any.</summary>
    public string? Unit { get; init; }

    /// <summary>The deadline, for <see cref="Comparison.Deadline"/>.</summary>
    public Deadline? Deadline { get; init; }

    /// <summary>
    /// The wording of a qualitative target (有效提升创业能力), trimmed: what a <see cref="Comparison.Qualitative"/> target
    /// asks for, and what <see cref="Display"/> shows for it. <see langword="null"/> for every other comparison. Not to be
    /// confused with <see cref="Text"/>, which is the source text of any target, kept only to cite it.
    /// </summary>
    public string? Description { get; init; }

    /// <summary>
    /// The source text of the target exactly as the rule author wrote it (≥2300, 95%及以上, 12月底前, 有效提升创业能力),
    /// for any comparison, kept only to cite it in findings; <see langword="null"/> for targets built in code. The
    /// evaluation never reads it: it reads <see cref="Comparison"/>, <see cref="Value"/>, <see cref="Deadline"/> and, for a
    /// qualitative target, <see cref="Description"/>. To show a target, use <see cref="Display"/>.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>True when the comparison was not written but resolved from the indicator's kind (a bare number).</summary>
    public bool ComparisonInferred { get; init; }

    /// <summary>True for ≤ and ＜ (less is better).</summary>
    public bool IsLessBetter => Comparison is Comparison.AtMost or Comparison.LessThan;

    /// <summary>True for the comparisons that compare numbers.</summary>
    public bool IsNumeric => Comparison is not (Comparison.Deadline or Comparison.Qualitative);

    /// <summary>The resolved target as shown in every output: ≥2300, ≤202.6, ＝100%, 18—54, 12月底前, or the qualitative wording.</summary>
    public string Display => Comparison switch
    {
        Comparison.Deadline => Deadline?.ToString() ?? Text ?? string.Empty,
        Comparison.Qualitative => Description ?? Text ?? string.Empty,
        Comparison.Range => $"{Notation.Number(Value ?? 0)}{Pct}—{Notation.Number(UpperValue ?? 0)}{Pct}",
        _ => Symbol(Comparison) + Notation.Number(Value ?? 0) + Pct,
    };

    private string Pct => IsPercent ? "%" : string.Empty;

    /// <summary>The symbol of a numeric comparison as the tables print it: ≥, ＞, ≤, ＜, ＝.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The symbol; an empty string for range, deadline and qualitative.</returns>
    public static string Symbol(Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => "≥",
        Comparison.GreaterThan => "＞",
        Comparison.AtMost => "≤",
        Comparison.LessThan => "＜",
        Comparison.Equal => "＝",
        _ => string.Empty,
    };

    /// <summary>How a declared comparison is cited: its sign, else its code (<c>range</c>, <c>deadline</c>).</summary>
    private static string Declared(Comparison comparison) =>
        Symbol(comparison) is { Length: > 0 } sign ? sign : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(comparison.ToString());

    /// <summary>The comparison a bare number takes for an indicator of this kind: ≤ for cost, ≥ otherwise.</summary>
    /// <param name="level2">The indicator's level-2 group.</param>
    /// <returns>The default comparison.</returns>
    public static Comparison DefaultComparison(Level2 level2) =>
        level2 is Level2.Cost or Level2.EconomicCost or Level2.SocialCost or Level2.EcologicalCost ? Comparison.AtMost : Comparison.AtLeast;

    /// <summary>Reads a comparison from a symbol (≥, &gt;=, ＝, ﹦…) or a name (<c>atLeast</c>, <c>range</c>…).</summary>
    /// <param name="text">The text.</param>
    /// <param name="comparison">The comparison read.</param>
    /// <returns>True when the text names a comparison.</returns>
    public static bool TryParseComparison(string text, out Comparison comparison)
    {
        var t = Notation.Normalize(text);
        switch (t)
        {
            case ">=": comparison = Comparison.AtLeast; return true;
            case ">": comparison = Comparison.GreaterThan; return true;
            case "<=": comparison = Comparison.AtMost; return true;
            case "<": comparison = Comparison.LessThan; return true;
            case "=": comparison = Comparison.Equal; return true;
        }

        foreach (var name in Enum.GetNames<Comparison>())
        {
            if (name.Equals(t, StringComparison.OrdinalIgnoreCase))
            {
                comparison = Enum.Parse<Comparison>(name);
                return true;
            }
        }

        comparison = default;
        return false;
    }

    /// <summary>
    /// Reads a target written the way real tables write it: ≥2300, &gt;=95%, ＝100, ﹦100, ≤202.6, 95%及以上, 不低于90%,
    /// 控制在5%以内, a bare number (resolved by <paramref name="level2"/>: ≤ for cost, ≥ otherwise; a bare 0 or 无 means ＝0),
    /// a range (18—54周岁), a deadline (12月底前) or qualitative wording (有效提升创业能力).
    /// </summary>
    /// <param name="text">The target as written.</param>
    /// <param name="level2">The indicator's level-2 group, which resolves bare numbers.</param>
    /// <param name="target">The target read.</param>
    /// <param name="error">Why the text cannot be a target (only for empty text), in the current UI culture.</param>
    /// <returns>False only for empty text: anything else that is not a number, range or deadline is a qualitative target.</returns>
    public static bool TryParse(string text, Level2 level2, [NotNullWhen(true)] out Target? target, out string? error) =>
        TryParse(text, level2, CultureInfo.CurrentUICulture, out target, out error);

    /// <summary>
    /// Reads a target as <see cref="TryParse(string, Level2, out Target?, out string?)"/> does, and says why it cannot be
    /// read in the language of <paramref name="culture"/> (Chinese for any Chinese culture, else English), whatever the
    /// thread's UI culture: a service that answers each caller in the caller's language passes it here.
    /// </summary>
    /// <param name="text">The target as written.</param>
    /// <param name="level2">The indicator's level-2 group, which resolves bare numbers.</param>
    /// <param name="culture">The culture to write <paramref name="error"/> in.</param>
    /// <param name="target">The target read.</param>
    /// <param name="error">Why the text cannot be a target (only for empty text), in <paramref name="culture"/>.</param>
    /// <returns>False only for empty text: anything else that is not a number, range or deadline is a qualitative target.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public static bool TryParse(string text, Level2 level2, CultureInfo culture, [NotNullWhen(true)] out Target? target, out string? error)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var read = TryRead(text, level2, explicitComparison: null, out target, out var problem);
        error = problem is null ? null : MessageCatalog.Default.Text(problem, culture);
        return read;
    }

    /// <summary>Reads a target whose comparison may also be given on its own; <paramref name="error"/> says why it cannot be read, in no language yet.</summary>
    internal static bool TryRead(string text, Level2 level2, Comparison? explicitComparison, [NotNullWhen(true)] out Target? target, out MessageText? error)
    {
        target = null;
        error = null;
        var s = Notation.Normalize(text);
        if (s.Length == 0)
        {
            error = MessageText.Of("target.empty");
            return false;
        }

        // The author says qualitative: the text is the wording to judge by, whatever it looks like ("≤500元/人/月，≤1000元/人/月").
        if (explicitComparison is Comparison.Qualitative)
        {
            target = new Target { Comparison = Comparison.Qualitative, Description = text.Trim(), Text = text };
            return true;
        }

        if (Notation.TryReadDeadline(s, out var deadline))
        {
            // A deadline is a comparison of its own: an indicator that declares another one contradicts its target.
            if (explicitComparison is { } declared and not Comparison.Deadline)
            {
                error = MessageText.Of("target.deadlineDisagrees", ("declared", Declared(declared)));
                return false;
            }

            target = new Target { Comparison = Comparison.Deadline, Deadline = deadline, Text = text };
            return true;
        }

        if (Notation.LooksLikeDeadline(s))
        {
            error = MessageText.Of("target.deadlineWithoutDate");
            return false;
        }

        Comparison? written = null;
        var rest = s;
        if (OperatorPrefix(rest, out var signed, out var length))
        {
            written = signed;
            rest = rest[length..];

            // "≥95%以上" says the same thing twice: the words add nothing to the sign.
            foreach (var redundant in (ReadOnlySpan<string>)["及以上", "以上", "及以下", "以下", "以内"])
            {
                if (rest.EndsWith(redundant, StringComparison.Ordinal) && Notation.TryReadQuantity(rest[..^redundant.Length].Trim(), out _, out _, out _))
                {
                    rest = rest[..^redundant.Length].Trim();
                    break;
                }
            }
        }
        else
        {
            foreach (var (word, comparison, prefix) in Words)
            {
                if (prefix ? rest.StartsWith(word, StringComparison.Ordinal) : rest.EndsWith(word, StringComparison.Ordinal))
                {
                    var stripped = prefix ? rest[word.Length..] : rest[..^word.Length];
                    if (prefix && word == "控制在" && stripped.EndsWith("以内", StringComparison.Ordinal))
                    {
                        stripped = stripped[..^2];
                    }

                    if (IsQuantity(stripped.Trim()))
                    {
                        written = comparison;
                        rest = stripped.Trim();
                        break;
                    }
                }
            }
        }

        if (written is { } w && explicitComparison is { } e && w != e)
        {
            error = MessageText.Of("target.comparisonDisagrees", ("written", Symbol(w)), ("declared", Declared(e)));
            return false;
        }

        // After a sign, a deadline's month (≤12月底前) is no figure: the sign then stands before no number.
        if (!Notation.LooksLikeDeadline(rest) && Notation.TryReadQuantity(rest, out var value, out var percent, out var unit))
        {
            var inferred = written is null && explicitComparison is null;
            var comparison = written ?? explicitComparison ?? (value == 0 ? Comparison.Equal : DefaultComparison(level2));
            target = new Target { Comparison = comparison, Value = value, IsPercent = percent, Unit = unit, Text = text, ComparisonInferred = inferred };
            return true;
        }

        if (written is null && Notation.TryReadRange(rest, out var low, out var high, out var rangePercent, out var rangeUnit))
        {
            if (explicitComparison is { } declared and not Comparison.Range)
            {
                error = MessageText.Of("target.rangeDisagrees", ("declared", Declared(declared)));
                return false;
            }

            target = new Target { Comparison = Comparison.Range, Value = low, UpperValue = high, IsPercent = rangePercent, Unit = rangeUnit, Text = text };
            return true;
        }

        if (written is null && rest is "无" or "零")
        {
            target = new Target { Comparison = explicitComparison ?? Comparison.Equal, Value = 0, Text = text, ComparisonInferred = explicitComparison is null };
            return true;
        }

        // A figure beyond what a decimal holds (about 7.9 × 10^28) is still a figure: refused, neither judged as
        // wording nor taken for a list of standards when written with thousands separators.
        if (Notation.IsNumberOutOfRange(rest))
        {
            error = MessageText.Of("reason.numberOutOfRange");
            return false;
        }

        // Several standards in one target ("≤500元/人/月，≤1000元/人/月"): no one comparison holds for them all.
        if (SeveralStandards(text, s, level2) is { } standards)
        {
            error = MessageText.Of("target.severalStandards", ("standards", standards));
            return false;
        }

        if (written is not null)
        {
            error = MessageText.Of("target.signWithoutNumber");
            return false;
        }

        if (explicitComparison is { } ec && ec is not Comparison.Qualitative)
        {
            error = MessageText.Of("target.notNumber", ("comparison", Declared(ec)));
            return false;
        }

        target = new Target { Comparison = Comparison.Qualitative, Description = text.Trim(), Text = text };
        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> lists several numeric standards ("≤500元/人/月，≤1000元/人/月"): a target that no one
    /// comparison reads, which a rule file must declare with <c>"comparison": "qualitative"</c> (PE1008 otherwise).
    /// </summary>
    /// <param name="text">The target as written.</param>
    /// <param name="level2">The indicator's level-2 group.</param>
    /// <returns>True when the text is a list of two or more numeric standards.</returns>
    public static bool ListsSeveralStandards(string text, Level2 level2)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SeveralStandards(text, Notation.Normalize(text), level2) is not null;
    }

    private static readonly char[] StandardSeparators = [',', '，', '、', ';', '；'];

    /// <summary>
    /// The standards of a target that lists several numeric ones, separated by ，、；, or ; ("≤500元/人/月，≤1000元/人/月",
    /// "500元/人/月、1000元/人/月"), joined for a message; null when the text is not such a list.
    /// </summary>
    private static string? SeveralStandards(string text, string normalized, Level2 level2)
    {
        var parts = normalized.Split(StandardSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return null;
        }

        // Quoted as written (≤, not the normalized <=), where the written text splits the same way.
        var written = text.Split(StandardSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        foreach (var part in parts)
        {
            if (!TryRead(part, level2, null, out var t, out _) || t is null || !t.IsNumeric)
            {
                return null;
            }
        }

        return string.Join(" | ", written.Length == parts.Length ? written : parts);
    }

    /// <summary>A number with a short unit, and not the month of a deadline (不超过12月底前 is no "≤12 with the unit 月底前").</summary>
    private static bool IsQuantity(string text) => !Notation.LooksLikeDeadline(text) && Notation.TryReadQuantity(text, out _, out _, out _);

    private static readonly (string Word, Comparison Comparison, bool Prefix)[] Words =
    [
        ("及以上", Comparison.AtLeast, false),
        ("以上", Comparison.AtLeast, false),
        ("不低于", Comparison.AtLeast, true),
        ("不少于", Comparison.AtLeast, true),
        ("不小于", Comparison.AtLeast, true),
        ("大于等于", Comparison.AtLeast, true),
        ("控制在", Comparison.AtMost, true),
        ("不高于", Comparison.AtMost, true),
        ("不超过", Comparison.AtMost, true),
        ("不多于", Comparison.AtMost, true),
        ("不大于", Comparison.AtMost, true),
        ("小于等于", Comparison.AtMost, true),
        ("及以下", Comparison.AtMost, false),
        ("以下", Comparison.AtMost, false),
        ("以内", Comparison.AtMost, false),
        ("之内", Comparison.AtMost, false),
        ("内", Comparison.AtMost, false),
        ("大于", Comparison.GreaterThan, true),
        ("高于", Comparison.GreaterThan, true),
        ("超过", Comparison.GreaterThan, true),
        ("小于", Comparison.LessThan, true),
        ("低于", Comparison.LessThan, true),
        ("等于", Comparison.Equal, true),
    ];

    /// <summary>A comparison sign at the start of normalized text (&gt;=, &lt;=, &gt;, &lt;, =) and the white space after it.</summary>
    private static bool OperatorPrefix(string text, out Comparison comparison, out int length)
    {
        (comparison, length) = text switch
        {
            [ '>', '=', .. ] => (Comparison.AtLeast, 2),
            [ '<', '=', .. ] => (Comparison.AtMost, 2),
            [ '>', .. ] => (Comparison.GreaterThan, 1),
            [ '<', .. ] => (Comparison.LessThan, 1),
            [ '=', .. ] => (Comparison.Equal, 1),
            _ => (default, 0),
        };
        if (length == 0)
        {
            return false;
        }

        while (length < text.Length && char.IsWhiteSpace(text[length]))
        {
            length++;
        }

        return true;
    }
}
