using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Tests.Security;

/// <summary>
/// Every reader of a notation (<see cref="Notation"/>, <see cref="Target.TryParse(string, Level2, out Target?, out string?)"/>,
/// <see cref="ActualValue.Parse(string)"/>, and the two file readers that call them) is fed hostile text: the notations'
/// own shapes (12月底前, ≥95%, 18—54周岁, 550元/人/月) with their numbers written in other scripts' digits (Arabic-Indic,
/// Devanagari, Bengali, Thai, full-width, mathematical digits outside the BMP), 100-digit runs, huge years and leading
/// zeros, with lone surrogates, control, zero-width and white-space characters put anywhere. Nothing may throw; what is
/// read is sound: a figure only from ASCII digits, a deadline with a real month and day, a range low to high, a target
/// that keeps its text.
/// </summary>
public sealed class NotationRobustnessProperties
{
    /// <summary>Digits of other scripts: Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, and mathematical bold, double-struck and monospace (surrogate pairs).</summary>
    private static readonly string[] ForeignDigits =
        ["٠", "١", "٢", "٩", "۰", "۵", "०", "१", "९", "০", "৭", "๐", "๑", "๙", "𝟎", "𝟏", "𝟗", "𝟘", "𝟙", "𝟶", "𝟿"];

    private static readonly string[] FullWidthDigits = ["０", "１", "２", "５", "９"];

    /// <summary>Control, zero-width, direction and white-space characters of every kind.</summary>
    private static readonly string[] Invisible =
    [
        "\u0000", "\u0001", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029", "\t", "\n", "\r", "\u00A0", "\u3000", "\u2003",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E",
    ];

    private static readonly string[] LoneSurrogates = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD835"];

    private static readonly string[] Signs =
    [
        "+", "-", "＋", "－", ".", "．", ",", "，", "%", "％", "≥", "≤", "≧", "≦", "⩾", "⩽", ">", "<", "=", "＞", "＜", "﹥", "﹤",
        "＝", "﹦", "═", "==", ">=", "<=", "\\geq", "\\leq", "\\ge", "\\le", "\\%", "\\", "$", "e", "E", "e+", "(", "（", "、", "；", ";", "/",
        "−", "﹣", "‐", "²", "½", "①", "Ⅻ",
    ];

    private static readonly string[] Words =
    [
        "年", "月", "日", "底", "末", "前", "之前", "以前", "完成", "以上", "以下", "以内", "之内", "内", "及以上", "及以下", "不低于", "不超过",
        "控制在", "大于", "小于", "等于", "左右", "至", "到", "—", "–", "~", "～", "元", "人", "/人/月", "元/人/月", "周岁", "名", "个百分点",
        "无", "零", "起", "未完成", "有效提升", "十二", "〇", "𠀀", "😀",
    ];

    private static readonly string[] Spaces = [" ", "  ", "\u3000", "\t", new(' ', 40), new(' ', 300), " \u3000 \t "];

    /// <summary>The notations of real tables, with places for numbers: {0} and {1} any number, {2} a year.</summary>
    private static readonly string[] Shapes =
    [
        "{0}", "{0}%", "≥{0}", "≥{0}%", ">={0}%", "＞{0}", "≤{0}", "＝{0}", "=={0}", "{0}%及以上", "{0}以上", "{0}以内", "不低于{0}%",
        "控制在{0}%以内", "{0}月底前", "{0}月末前", "{0}月{1}日前", "{2}年{0}月底前", "{2}年{0}月{1}日前", "{2}年{0}月{1}日前完成",
        "{2}-{0}-{1}前", "{2}-{0}-{1}", "{2}/{0}/{1}", "{2}.{0}.{1}", "{2}年{0}月{1}日", "{0}—{1}周岁", "{0}-{1}", "{0}%-{1}%", "{0}~{1}",
        "{0}至{1}元", "{0}到{1}人", "{0}元/人/月", "社保补贴{0}元/人/月", "{0}名", "{0}.{1}", "{0}.{1}%", "{0},{1}", "{0},{1}{1}{1}", "-{0}",
        "+{0}%", "{0}e{1}", "{0}E+{1}", "≤{0}元/人/月，≤{1}元/人/月", "{0}、{1}", "{0}个百分点", "{0}%左右", "{0} 起", "≥{0}%以上",
        "≤{0}月底前", "≥{0}月底前", "＜{0}月{1}日前", "不超过{0}月底前", "不晚于{0}月底前", "控制在{0}月底前以内", "{0}月底前以内", "{0}月底前以上",
    ];

    private static readonly Level2[] Levels = Enum.GetValues<Level2>();

    // ---- generators --------------------------------------------------------------------------------------------

    private static Gen<string> AsciiDigits(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), n)).Select(cs => new string(cs));

    private static Gen<string> Joined(Gen<string> piece, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(piece, n)).Select(string.Concat);

    /// <summary>A number as it may be written, or miswritten: short, 100 digits and more, at int's and decimal's limits, with leading zeros, in other scripts, mixed, or broken by an invisible character.</summary>
    private static Gen<string> Number() => Gen.Frequency(
        (6, AsciiDigits(1, 4)),
        (2, AsciiDigits(100, 160)),
        (2, Gen.Elements(
            "0", "00", "0000", "99999", "999999999", "2147483647", "2147483648", "4294967296", "9223372036854775808",
            "79228162514264337593543950335", "79228162514264337593543950336", "7922816251426433759354395033.5", "0.0000000000000000000000000001")),
        (2, Gen.Choose(1, 120).SelectMany(zeros => AsciiDigits(1, 3).Select(d => new string('0', zeros) + d))),
        (2, Joined(Gen.Elements(FullWidthDigits), 1, 4)),
        (3, Joined(Gen.Elements(ForeignDigits), 1, 4)),
        (2, Joined(Gen.OneOf(Gen.Elements(ForeignDigits), Gen.Elements(FullWidthDigits), AsciiDigits(1, 1)), 1, 6)),
        (2, from a in AsciiDigits(1, 3)
            from x in Gen.Elements([.. Invisible, .. LoneSurrogates, .. ForeignDigits])
            from b in AsciiDigits(0, 3)
            select a + x + b));

    /// <summary>A year: mostly four digits about the library's range (1900–2999), else any number above.</summary>
    private static Gen<string> Year() => Gen.Frequency(
        (3, Gen.Choose(1890, 3010).Select(y => y.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Elements("0000", "0001", "1899", "9999", "99999", "100000", "２０２５")),
        (3, Number()));

    /// <summary>A day or month: mostly 0 to 32, some with a leading zero, else any number above.</summary>
    private static Gen<string> Small() => Gen.Frequency(
        (3, Gen.Choose(0, 32).Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Choose(0, 32).Select(n => n.ToString("00", CultureInfo.InvariantCulture))),
        (3, Number()));

    private static Gen<string> Shaped() =>
        from shape in Gen.Elements(Shapes)
        from a in Small()
        from b in Small()
        from y in Year()
        select shape.Replace("{0}", a, StringComparison.Ordinal).Replace("{1}", b, StringComparison.Ordinal).Replace("{2}", y, StringComparison.Ordinal);

    /// <summary>Pieces of the notations' alphabet, in any order.</summary>
    private static Gen<string> Soup() => Joined(
        Gen.Frequency(
            (4, AsciiDigits(1, 4)),
            (3, Gen.Elements(Signs)),
            (3, Gen.Elements(Words)),
            (1, Gen.Elements(FullWidthDigits)),
            (2, Gen.Elements(ForeignDigits)),
            (1, Gen.Elements(Invisible)),
            (1, Gen.Elements(LoneSurrogates)),
            (1, Gen.Elements(Spaces)),
            (1, AsciiDigits(100, 130))),
        0,
        14);

    /// <summary>The text with up to three pieces put at any place (a surrogate pair may be cut).</summary>
    private static Gen<string> Sprinkled(Gen<string> texts, Gen<string> pieces) =>
        from text in texts
        from n in Gen.Choose(1, 3)
        from places in Gen.ArrayOf(Gen.Choose(0, text.Length), n)
        from inserted in Gen.ArrayOf(pieces, n)
        select Insert(text, places, inserted);

    private static string Insert(string text, int[] places, string[] pieces)
    {
        var sb = new StringBuilder(text);
        foreach (var (place, piece) in places.Zip(pieces).OrderByDescending(p => p.First))
        {
            sb.Insert(place, piece);
        }

        return sb.ToString();
    }

    private static Gen<string> HostileGen() => Gen.Frequency(
        (4, Shaped()),
        (3, Soup()),
        (2, Sprinkled(Shaped(), Gen.Elements(Spaces))),
        (2, Sprinkled(Shaped(), Gen.Elements([.. Invisible, .. LoneSurrogates, .. ForeignDigits]))));

    private static Arbitrary<string> Hostile() => HostileGen().ToArbitrary();

    // ---- the readers, one by one ---------------------------------------------------------------------------------

    [Property(MaxTest = 5000)]
    public Property Normalizing_never_throws_and_leaves_plain_single_spaces_and_no_full_width_digit() =>
        Prop.ForAll(Hostile(), text =>
        {
            var normalized = Reads(text, nameof(Notation.Normalize), () => Notation.Normalize(text));

            var context = Show(text);
            normalized.Should().NotStartWith(" ", context).And.NotEndWith(" ", context).And.NotContain("  ", context);
            normalized.Where(c => char.IsWhiteSpace(c) && c != ' ').Should().BeEmpty(context);
            normalized.Where(c => c is (>= '０' and <= '９') or '$').Should().BeEmpty(context);
        });

    [Property(MaxTest = 5000)]
    public Property A_plain_number_reads_as_decimal_Parse_reads_it_to_the_last_digit_and_scale() =>
        Prop.ForAll(
            Gen.Elements("0", "1", "5", "9").ListOf().Select(d => string.Concat(d)).Zip(Gen.Elements("0", "3", "7").ListOf().Select(d => string.Concat(d)))
                .Zip(Gen.Elements(0, 1, 2))
                .Select(t => t.Item2 switch
                {
                    // Whole numbers, numbers with a fraction, and numbers long enough to leave the fast reading (19 digits and more).
                    0 => "1" + t.Item1.Item1,
                    1 => "1" + t.Item1.Item1 + "." + t.Item1.Item2 + "5",
                    _ => "0" + t.Item1.Item1 + new string('9', 18),
                })
                .ToArbitrary(),
            text =>
            {
                // The fast reading of the numbers files hold most must be the full parse's to the scale (1.50 stays 1.50).
                var expected = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (decimal?)null;
                var read = Notation.TryDecimal(text, out var value);

                read.Should().Be(expected is not null, text);
                if (expected is { } e)
                {
                    value.ToString(CultureInfo.InvariantCulture).Should().Be(e.ToString(CultureInfo.InvariantCulture), text);
                }
            });

    [Property(MaxTest = 5000)]
    public Property A_quantity_is_read_only_from_ASCII_digits_with_a_short_visible_unit_without_digits() =>
        Prop.ForAll(Hostile(), text =>
        {
            // The readers take normalized text (white space collapsed), as every caller gives them.
            var s = Notation.Normalize(text);
            decimal value = 0;
            var percent = false;
            string? unit = null;
            var read = Reads(s, nameof(Notation.TryReadQuantity), () => Notation.TryReadQuantity(s, out value, out percent, out unit));
            Reads(text, nameof(Notation.TryDecimal), () => Notation.TryDecimal(text, out _));

            var context = Show(s);
            if (!read)
            {
                (value, percent, unit).Should().Be((0m, false, (string?)null), context);
                return;
            }

            ForeignDigitIn(s).Should().BeNull($"{context} is read as the figure {Notation.Number(value)}");
            if (unit is not null)
            {
                ForeignDigitIn(unit).Should().BeNull(context);
                InvisibleIn(unit).Should().BeNull($"{context} is read as {Notation.Number(value)}{(percent ? "%" : string.Empty)} with a unit that hides a character");
                unit.Any(char.IsAsciiDigit).Should().BeFalse(context);
                unit.Trim().Length.Should().BeInRange(1, 8, context);
            }
        });

    [Property(MaxTest = 5000)]
    public Property A_range_is_read_only_from_ASCII_digits_and_runs_from_low_to_high() =>
        Prop.ForAll(Hostile(), text =>
        {
            var s = Notation.Normalize(text);
            decimal low = 0, high = 0;
            string? unit = null;
            var read = Reads(s, nameof(Notation.TryReadRange), () => Notation.TryReadRange(s, out low, out high, out _, out unit));
            if (read)
            {
                var context = Show(s);
                low.Should().BeGreaterThanOrEqualTo(0, context).And.BeLessThanOrEqualTo(high, context);
                ForeignDigitIn(s).Should().BeNull(context);
                ForeignDigitIn(unit ?? string.Empty).Should().BeNull(context);
                InvisibleIn(unit ?? string.Empty).Should().BeNull(context);
                (unit ?? string.Empty).Any(char.IsAsciiDigit).Should().BeFalse(context);
            }
        });

    [Property(MaxTest = 5000)]
    public Property A_deadline_is_read_with_a_real_month_and_day_and_its_shape_is_recognised() =>
        Prop.ForAll(Hostile(), text =>
        {
            var s = Notation.Normalize(text);
            Deadline? deadline = null;
            var read = Reads(s, nameof(Notation.TryReadDeadline), () => Notation.TryReadDeadline(s, out deadline));
            var looks = Reads(s, nameof(Notation.LooksLikeDeadline), () => Notation.LooksLikeDeadline(s));
            if (read)
            {
                Sound(deadline!, Show(s));
                ForeignDigitIn(s).Should().BeNull(Show(s));
                if (s.Contains('月'))
                {
                    looks.Should().BeTrue($"{Show(s)} is read as the deadline {deadline}");
                }
            }
        });

    [Property(MaxTest = 5000)]
    public Property A_date_is_read_only_within_the_years_the_library_knows() =>
        Prop.ForAll(Hostile(), text =>
        {
            var s = Notation.Normalize(text);
            DateOnly date = default;
            var read = Reads(s, nameof(Notation.TryReadDate), () => Notation.TryReadDate(s, out date));
            if (read)
            {
                date.Year.Should().BeInRange(1900, 2999, Show(s));
                ForeignDigitIn(s).Should().BeNull(Show(s));
            }
            else
            {
                date.Should().Be(default, Show(s));
            }
        });

    [Property(MaxTest = 2000)]
    public Property A_target_for_every_kind_of_indicator_is_read_soundly_or_refused_with_a_reason() =>
        Prop.ForAll(Hostile(), text =>
        {
            var shown = Show(text);
            foreach (var level2 in Levels)
            {
                Target? target = null;
                string? error = null;
                var read = Runs(() => shown, $"Target.TryParse({level2})", () => Target.TryParse(text, level2, out target, out error));
                var context = $"{shown} ({level2})";
                if (!read)
                {
                    target.Should().BeNull(context);
                    error.Should().NotBeNullOrWhiteSpace(context);
                    continue;
                }

                error.Should().BeNull(context);
                Sound(target!, text, context);
            }

            Reads(text, nameof(Target.ListsSeveralStandards), () => Target.ListsSeveralStandards(text, Level2.Cost));
            Reads(text, nameof(Target.TryParseComparison), () => Target.TryParseComparison(text, out _));
        });

    [Property(MaxTest = 2000)]
    public Property A_target_read_with_a_declared_comparison_keeps_its_text_or_is_refused_with_a_reason() =>
        Prop.ForAll(Hostile(), Gen.Elements(Enum.GetValues<Comparison>()).ToArbitrary(), Gen.Elements(Levels).ToArbitrary(), (text, declared, level2) =>
        {
            // What the declared comparison still needs (a deadline for "deadline", an upper bound for "range") is the
            // set's check: the file readers below hold the targets they give to the same soundness.
            Target? target = null;
            MessageText? error = null;
            var read = Reads(text, $"Target.TryRead({level2}, {declared})", () => Target.TryRead(text, level2, declared, out target, out error));
            var context = $"{Show(text)} ({level2}, {declared})";
            if (read)
            {
                error.Should().BeNull(context);
                target!.Text.Should().Be(text, context);
                if (target.IsNumeric)
                {
                    ForeignDigitIn(Notation.Normalize(text)).Should().BeNull($"{context} is read as the figure {target.Display}");
                }
            }
            else
            {
                target.Should().BeNull(context);
                error.Should().NotBeNull(context);
            }
        });

    [Property(MaxTest = 5000)]
    public Property An_actual_keeps_its_text_and_carries_at_most_one_sound_reading() =>
        Prop.ForAll(Hostile(), text =>
        {
            var actual = Reads(text, nameof(ActualValue.Parse), () => ActualValue.Parse(text));

            var context = Show(text);
            actual.Text.Should().Be(text, context);
            new object?[] { actual.Number, actual.Date, actual.Deadline }.Count(x => x is not null).Should().BeLessThanOrEqualTo(1, context);
            if (actual.Number is { } number)
            {
                var normalized = Notation.Normalize(text);
                ForeignDigitIn(normalized).Should().BeNull($"{context} is read as the figure {Notation.Number(number)}");
                Notation.LooksLikeDeadline(FromTheNumberOn(normalized)).Should().BeFalse($"{context} names a month, yet is read as the figure {Notation.Number(number)}");
            }

            if (actual.Deadline is { } deadline)
            {
                Sound(deadline, context);
                actual.Done.Should().BeTrue(context);
            }

            if (actual.Date is { } date)
            {
                date.Year.Should().BeInRange(1900, 2999, context);
            }
        });

    // ---- the file readers -----------------------------------------------------------------------------------------

    [Property(MaxTest = 500)]
    public Property An_indicator_set_with_any_target_text_gives_a_set_or_diagnostics() =>
        Prop.ForAll(Hostile(), Gen.Elements(Levels).ToArbitrary(), Gen.Elements<Comparison?>([null, .. Enum.GetValues<Comparison>()]).ToArbitrary(), (text, level2, declared) =>
            ReadSet(SetWithTarget(Json(text), level2, declared), text));

    [Property(MaxTest = 500)]
    public Property Actuals_with_any_actual_text_give_actuals_or_diagnostics() =>
        Prop.ForAll(Hostile(), text => ReadActuals(ActualsWith(Json(text)), text));

    /// <summary>Texts for the file readers, written escaped (a test case's text does not keep half a surrogate pair).</summary>
    private static readonly string[] FileTexts =
    [
        "١٢月底前", "𝟏𝟐月底前", "12𝟏𝟐", "≥95𝟗%", "18—54𝟒周岁", "99999年12月底前", "0000年12月31日前", "2025年02月29日前",
        "0001-01-01前", "9999-12-31前", "2025-13-01前", @"\uD800", @"12\uD800", @"≥\uDC0095%", @"1\u200B2月底前", @"≥95\u200B%",
        @"12\u0000月底前", "13月底前", "≤12月底前", "不超过12月底前", "79228162514264337593543950336", "≥79228162514264337593543950336",
        "1" + new string('0', 100), new string('0', 100) + "12月底前", "12    月    底    前", "≥   2300", "５０　元／人／月",
        @"\u3000\u3000", "２０２５年１２月３１日前",
    ];

    public static TheoryData<string> Texts() => [.. FileTexts];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_hostile_target_text_in_an_indicator_set_gives_a_set_or_a_finding_not_an_exception(string escaped)
    {
        var text = Regex.Unescape(escaped);
        foreach (var level2 in Levels)
        {
            ReadSet(SetWithTarget(Json(text), level2), text);
        }

        // The object form reads its deadline with the same notation.
        ReadSet(SetWithTarget($$"""{ "deadline": {{Json(text)}} }""", Level2.Timeliness), text);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_hostile_actual_text_gives_actuals_or_a_finding_not_an_exception(string escaped)
    {
        var text = Regex.Unescape(escaped);
        ReadActuals(ActualsWith(Json(text)), text);
        ReadActuals(ActualsWith($$"""{ "actual": {{Json(text)}}, "projected": {{Json(text)}} }"""), text);
        ReadActuals($$"""
            { "indicatorSet": "hostile-2025", "indicators": { "n": 1 },
              "stated": { "totalScore": {{Json(text)}}, "executionRate": {{Json(text)}}, "scores": { "n": {{Json(text)}} } } }
            """, text);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_sound_programme_with_a_hostile_text_for_targets_or_actuals_evaluates_and_round_trips_its_result(string escaped) =>
        EvaluateWith(Regex.Unescape(escaped));

    [Property(MaxTest = 300)]
    public Property A_sound_programme_with_any_text_for_targets_or_actuals_evaluates_and_round_trips_its_result() =>
        Prop.ForAll(Hostile(), EvaluateWith);

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static string SetWithTarget(string target, Level2 level2, Comparison? declared = null) => $$"""
        { "id": "hostile-2025", "name": "敌意文本", "year": 2025, "indicators": [
          { "id": "n", "name": "指标", "level2": "{{Camel(level2.ToString())}}", {{(declared is { } c ? $"\"comparison\": \"{Camel(c.ToString())}\", " : string.Empty)}}"target": {{target}} } ] }
        """;

    private static string ActualsWith(string actual) => $$"""
        { "indicatorSet": "hostile-2025", "indicators": { "n": {{actual}} } }
        """;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void ReadSet(string json, string text)
    {
        var result = Reads(text, nameof(PerfEvalJson.ReadIndicatorSet), () => PerfEvalJson.ReadIndicatorSet(json, "indicators.json"));

        Promises.OfLoad(result).Should().BeEmpty(Show(text));
        if (result.Value?.Indicators.SingleOrDefault()?.Target is { } target)
        {
            // A target given as an object keeps no text.
            Sound(target, target.Text is null ? null : text, Show(text));
        }
    }

    private static void ReadActuals(string json, string text)
    {
        var result = Reads(text, nameof(PerfEvalJson.ReadActuals), () => PerfEvalJson.ReadActuals(json, "actuals.json"));

        Promises.OfLoad(result).Should().BeEmpty(Show(text));
        if (result.Value?.Indicators.SingleOrDefault()?.Actual is { Number: { } number } actual)
        {
            ForeignDigitIn(Notation.Normalize(actual.Text)).Should().BeNull($"{Show(text)} is read as the figure {Notation.Number(number)}");
        }
    }

    private static readonly Lazy<(string Set, string Actuals)> SoundProgramme = new(() =>
        (File.ReadAllText(CorpusEntry.PathOf("good/indicators.json")), File.ReadAllText(CorpusEntry.PathOf("good/actuals.json"))));

    /// <summary>The corpus' sound programme, with the text as the deadline's and the satisfaction's target, then as their actuals.</summary>
    private static void EvaluateWith(string text)
    {
        var (set, actuals) = SoundProgramme.Value;
        var json = Json(text);
        Evaluate(Replace(set, ("\"target\": \"12月底前\"", $"\"target\": {json}"), ("\"target\": \"≥95%\"", $"\"target\": {json}")), actuals, text);
        Evaluate(set, Replace(actuals, ("\"deadline\": \"12月底前\"", $"\"deadline\": {json}"), ("\"satisfaction\": \"96%\"", $"\"satisfaction\": {json}")), text);
    }

    private static string Replace(string json, params (string Old, string New)[] replacements)
    {
        foreach (var (o, n) in replacements)
        {
            json.Should().Contain(o);
            json = json.Replace(o, n, StringComparison.Ordinal);
        }

        return json;
    }

    /// <summary>Reads both documents; when both load, evaluates them, writes the result as JSON and reads it back.</summary>
    private static void Evaluate(string setJson, string actualsJson, string text)
    {
        var set = Reads(text, nameof(PerfEvalJson.ReadIndicatorSet), () => PerfEvalJson.ReadIndicatorSet(setJson, "indicators.json"));
        var actuals = Reads(text, nameof(PerfEvalJson.ReadActuals), () => PerfEvalJson.ReadActuals(actualsJson, "actuals.json"));
        Promises.OfLoad(set).Concat(Promises.OfLoad(actuals)).Should().BeEmpty(Show(text));
        if (set.Value is null || actuals.Value is null)
        {
            return;
        }

        var result = Reads(text, nameof(Evaluator.Evaluate), () => new Evaluator().Evaluate(set.Value, actuals.Value));
        Promises.OfEvaluation(result).Should().BeEmpty(Show(text));
        var back = Reads(text, nameof(ResultJson.Read), () => ResultJson.Read(ResultJson.ToJson(result)));
        Promises.OfLoad(back).Should().BeEmpty(Show(text));
        back.Value!.Indicators.Select(i => i.Target.Display).Should().Equal(result.Indicators.Select(i => i.Target.Display), Show(text));
    }

    /// <summary>A target read is sound: it keeps its text (null for one given as an object), and what it holds fits its comparison.</summary>
    private static void Sound(Target target, string? text, string context)
    {
        target.Text.Should().Be(text, context);
        _ = Runs(() => context, "Target.Display", () => target.Display);
        switch (target.Comparison)
        {
            case Comparison.Deadline:
                target.Deadline.Should().NotBeNull(context);
                Sound(target.Deadline!, context);
                break;
            case Comparison.Qualitative:
                target.Description.Should().Be(text?.Trim() ?? target.Description, context);
                target.Description.Should().NotBeNullOrWhiteSpace(context);
                break;
            case Comparison.Range:
                target.Value.Should().NotBeNull(context);
                target.UpperValue.Should().BeGreaterThanOrEqualTo(target.Value!.Value, context);
                break;
            default:
                target.Value.Should().NotBeNull(context);
                break;
        }

        if (target.IsNumeric && text is not null)
        {
            var normalized = Notation.Normalize(text);
            ForeignDigitIn(normalized).Should().BeNull($"{context} is read as the figure {target.Display}");
            InvisibleIn(target.Unit ?? string.Empty).Should().BeNull($"{context} is read as {target.Display} with a unit that hides a character");
            Notation.LooksLikeDeadline(FromTheNumberOn(normalized)).Should().BeFalse($"{context} names a month, yet is read as the figure {target.Display}");
        }
    }

    /// <summary>A deadline read names a real month, and a day that month has, in a year a date can have.</summary>
    private static void Sound(Deadline deadline, string context)
    {
        deadline.Month.Should().BeInRange(1, 12, context);
        deadline.Year.GetValueOrDefault(2025).Should().BeInRange(1, 9999, context);
        if (deadline.Day is { } day)
        {
            day.Should().BeInRange(1, DateTime.DaysInMonth(deadline.Year ?? 2024, deadline.Month), context);
        }

        _ = Runs(() => context, "Deadline.LastDay", () => deadline.LastDay(2025));
        _ = Runs(() => context, "Deadline.ToString", deadline.ToString);
    }

    /// <summary>The text from its first ASCII digit on (where a deadline's month would be), or the whole text when it has none.</summary>
    private static string FromTheNumberOn(string text) => text.AsSpan().IndexOfAnyInRange('0', '9') is >= 0 and var i ? text[i..] : text;

    /// <summary>The first character of the text that shows nothing (a control or format character, half a surrogate pair), escaped; or null.</summary>
    private static string? InvisibleIn(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var length) != System.Buffers.OperationStatus.Done
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return $"\\u{(int)rest[0]:X4}";
            }

            rest = rest[length..];
        }

        return null;
    }

    /// <summary>The first digit of another script than ASCII in the text (a surrogate pair counts as one character), or null.</summary>
    private static string? ForeignDigitIn(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsDigit(rune) && !rune.IsAscii)
            {
                return rune.ToString();
            }
        }

        return null;
    }

    /// <summary>Runs one reader; an exception fails the property with the reader's name and the text, escaped.</summary>
    private static T Reads<T>(string text, string reader, Func<T> read) => Runs(() => Show(text), reader, read);

    /// <summary>Runs one reader; an exception fails the property with the reader's name and the context given.</summary>
    private static T Runs<T>(Func<string> context, string reader, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{reader} threw on {context()}: {e}");
        }
    }

    /// <summary>The text quoted, with invisible characters, surrogates and characters outside the BMP escaped.</summary>
    private static string Show(string text)
    {
        var sb = new StringBuilder("“");
        foreach (var c in text.Length > 200 ? text[..200] : text)
        {
            var category = char.GetUnicodeCategory(c);
            if (c != ' ' && category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append(text.Length > 200 ? $"…” ({text.Length} characters)" : "”").ToString();
    }

    /// <summary>The text as a JSON string, every character outside printable ASCII escaped (lone surrogates too).</summary>
    private static string Json(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\' || c < ' ' || c > '~')
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }
}
