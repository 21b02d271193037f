using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Tests.Indicators;

/// <summary>
/// Section 3 of the domain rules: every notation real tables use for targets (年度指标值) and actuals
/// (实际完成值), read with <see cref="Target.TryParse(string, Level2, out Target?, out string?)"/> and
/// <see cref="ActualValue.Parse(string)"/>.
/// </summary>
public sealed class TargetNotationTests
{
    private static Target Parse(string text, Level2 level2 = Level2.Quantity)
    {
        Target.TryParse(text, level2, out var target, out var error).Should().BeTrue($"'{text}' is a notation of section 3 (error: {error})");
        target.Should().NotBeNull();
        target!.Text.Should().Be(text, "the target keeps the wording the rule author wrote");
        return target;
    }

    /// <summary>An indicator-set file of one timeliness indicator with <paramref name="target"/> as its target.</summary>
    private static LoadResult<IndicatorSet> ReadOneTarget(string target) => PerfEvalJson.ReadIndicatorSet($$"""
        { "id": "d", "name": "时限", "year": 2025, "indicators": [
          { "id": "t", "name": "完成时间", "level2": "timeliness", "target": "{{target}}" } ] }
        """, "indicators.json");

    // ---- written comparisons -------------------------------------------------------------------------------

    [Theory]
    [InlineData("≥2300", Comparison.AtLeast, 2300, false, "≥2300")]
    [InlineData(">=95%", Comparison.AtLeast, 95, true, "≥95%")]
    [InlineData("＝100", Comparison.Equal, 100, false, "＝100")]
    [InlineData("﹦100", Comparison.Equal, 100, false, "＝100")]
    [InlineData("═100", Comparison.Equal, 100, false, "＝100")]
    [InlineData("≤202.6", Comparison.AtMost, 202.6, false, "≤202.6")]
    [InlineData("＞0.5", Comparison.GreaterThan, 0.5, false, "＞0.5")]
    public void An_operator_sign_in_any_of_its_glyphs_gives_that_comparison_and_is_printed_in_the_table_glyph(
        string text, Comparison comparison, double value, bool percent, string display)
    {
        var t = Parse(text);

        t.Comparison.Should().Be(comparison);
        t.Value.Should().Be((decimal)value);
        t.IsPercent.Should().Be(percent);
        t.ComparisonInferred.Should().BeFalse("the comparison is written");
        t.Display.Should().Be(display, "ASCII >=, full-width ＝ and small ﹦ (U+FE66) all print as the table glyphs ≥ ＝");
    }

    [Fact]
    public void Ninety_five_percent_and_above_in_words_is_at_least_95_percent()
    {
        var t = Parse("95%及以上");

        t.Comparison.Should().Be(Comparison.AtLeast, "及以上 means ≥");
        t.Value.Should().Be(95m);
        t.IsPercent.Should().BeTrue();
        t.ComparisonInferred.Should().BeFalse();
        t.Display.Should().Be("≥95%");
    }

    [Fact]
    public void Not_lower_than_90_percent_in_words_is_at_least_90_percent()
    {
        var t = Parse("不低于90%");

        t.Comparison.Should().Be(Comparison.AtLeast, "不低于 means ≥");
        t.Value.Should().Be(90m);
        t.IsPercent.Should().BeTrue();
        t.Display.Should().Be("≥90%");
    }

    [Fact]
    public void Kept_within_5_percent_in_words_is_at_most_5_percent()
    {
        var t = Parse("控制在5%以内");

        t.Comparison.Should().Be(Comparison.AtMost, "控制在…以内 means ≤");
        t.Value.Should().Be(5m);
        t.IsPercent.Should().BeTrue();
        t.IsLessBetter.Should().BeTrue();
        t.Display.Should().Be("≤5%");
    }

    // ---- bare numbers ----------------------------------------------------------------------------------------

    [Fact]
    public void A_bare_quantity_with_its_unit_glued_on_is_resolved_to_at_least_and_says_so()
    {
        var t = Parse("2300人", Level2.Quantity);

        t.Comparison.Should().Be(Comparison.AtLeast, "a bare number is ≥ for quantity indicators");
        t.ComparisonInferred.Should().BeTrue("the comparison was not written");
        t.Value.Should().Be(2300m);
        t.Unit.Should().Be("人");
        t.IsPercent.Should().BeFalse();
        t.Display.Should().Be("≥2300", "the resolved comparison is visible in every output");
    }

    [Fact]
    public void A_bare_cost_standard_is_resolved_to_at_most()
    {
        var t = Parse("3000元/人", Level2.Cost);

        t.Comparison.Should().Be(Comparison.AtMost, "spending must not exceed a cost standard");
        t.ComparisonInferred.Should().BeTrue();
        t.Value.Should().Be(3000m);
        t.Unit.Should().Be("元/人");
        t.Display.Should().Be("≤3000");
    }

    [Fact]
    public void The_same_bare_number_resolves_by_the_indicator_kind()
    {
        Parse("3000元/人", Level2.Quantity).Comparison.Should().Be(Comparison.AtLeast);
        Parse("3000元/人", Level2.Satisfaction).Comparison.Should().Be(Comparison.AtLeast);
        Parse("3000元/人", Level2.EconomicCost).Comparison.Should().Be(Comparison.AtMost, "2021 cost groups are less-is-better too");
    }

    [Theory]
    [InlineData("0", Level2.Quantity)]
    [InlineData("0", Level2.Cost)]
    [InlineData("无", Level2.Social)]
    public void A_bare_zero_or_the_word_none_means_equal_to_zero(string text, Level2 level2)
    {
        var t = Parse(text, level2);

        t.Comparison.Should().Be(Comparison.Equal, "≥0 would be met by anything and X / 0 has no ratio; zero incidents means ＝0");
        t.Value.Should().Be(0m);
        t.ComparisonInferred.Should().BeTrue();
        t.Display.Should().Be("＝0");
    }

    [Theory]
    [InlineData("≤202.6万元", Level2.Cost, Comparison.AtMost, 202.6, "万元", "≤202.6")]
    [InlineData("550元/人/月", Level2.Cost, Comparison.AtMost, 550, "元/人/月", "≤550")]
    [InlineData("12500名", Level2.Quantity, Comparison.AtLeast, 12500, "名", "≥12500")]
    [InlineData("0 起", Level2.Social, Comparison.Equal, 0, "起", "＝0")]
    [InlineData("≥２３００", Level2.Quantity, Comparison.AtLeast, 2300, null, "≥2300")]
    [InlineData("≥2,300", Level2.Quantity, Comparison.AtLeast, 2300, null, "≥2300")]
    [InlineData("不少于2300人", Level2.Quantity, Comparison.AtLeast, 2300, "人", "≥2300")]
    [InlineData("95%以上", Level2.Satisfaction, Comparison.AtLeast, 95, null, "≥95%")]
    [InlineData("≥ 95 ％", Level2.Satisfaction, Comparison.AtLeast, 95, null, "≥95%")]
    [InlineData("不高于5%", Level2.Quality, Comparison.AtMost, 5, null, "≤5%")]
    [InlineData("低于5%", Level2.Quality, Comparison.LessThan, 5, null, "＜5%")]
    public void Other_notations_of_real_tables_read_the_same_way(string text, Level2 level2, Comparison comparison, double value, string? unit, string display)
    {
        // Units glued on (万元, 元/人/月, 名, 起), full-width digits and ％, thousands separators, spaces, and the words
        // 不少于 / 以上 (≥), 不高于 (≤), 低于 (＜).
        var t = Parse(text, level2);

        t.Comparison.Should().Be(comparison);
        t.Value.Should().Be((decimal)value);
        t.Unit.Should().Be(unit);
        t.Display.Should().Be(display);
    }

    [Fact]
    public void A_long_run_of_spaces_inside_a_target_is_read_as_wording_without_an_exception()
    {
        // "1", 2000 spaces, "a1": not a number (digits in the tail), not a range, not a deadline → qualitative.
        var text = "1" + new string(' ', 2000) + "a1";
        Target? target = null;

        var read = () => Target.TryParse(text, Level2.Quantity, out target, out _);

        read.Should().NotThrow().Which.Should().BeTrue();
        target!.Comparison.Should().Be(Comparison.Qualitative);
    }

    // ---- ranges ----------------------------------------------------------------------------------------------

    [Fact]
    public void An_age_range_with_an_em_dash_and_a_unit_is_a_range()
    {
        var t = Parse("18—54周岁");

        t.Comparison.Should().Be(Comparison.Range);
        t.Value.Should().Be(18m);
        t.UpperValue.Should().Be(54m);
        t.Unit.Should().Be("周岁");
        t.IsPercent.Should().BeFalse();
        t.IsNumeric.Should().BeTrue();
        t.Display.Should().Be("18—54");
    }

    [Fact]
    public void A_percentage_range_with_a_hyphen_is_a_range_printed_with_both_percent_signs()
    {
        var t = Parse("90%-95%");

        t.Comparison.Should().Be(Comparison.Range);
        t.Value.Should().Be(90m);
        t.UpperValue.Should().Be(95m);
        t.IsPercent.Should().BeTrue();
        t.Display.Should().Be("90%—95%");
    }

    [Fact]
    public void Prose_that_merely_starts_with_digits_and_a_hyphen_is_qualitative_not_a_range()
    {
        var t = Parse("1-6期培训结束后及时考核", Level2.Timeliness);

        t.Comparison.Should().Be(Comparison.Qualitative, "'1-6期培训结束后及时考核' is an instruction, not the range 1 to 6");
        t.Value.Should().BeNull();
        t.UpperValue.Should().BeNull();
        t.Description.Should().Be("1-6期培训结束后及时考核");
        t.Display.Should().Be("1-6期培训结束后及时考核");
    }

    [Fact]
    public void Two_rates_listed_in_one_cell_are_refused_as_several_standards_not_silently_read_as_qualitative()
    {
        // Formerly read as qualitative without a word; one indicator has one comparison, so the author must say what is meant.
        Target.TryParse("2140元/人/月、2090元/人/月", Level2.Cost, out var t, out var error).Should().BeFalse();

        t.Should().BeNull();
        error.Should().Contain("2140元/人/月 | 2090元/人/月");
    }

    // ---- deadlines -------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("12月底前", 12, null, null, "12月底前", 2025, 12, 31)]
    [InlineData("9月底前", 9, null, null, "9月底前", 2025, 9, 30)]
    [InlineData("2025年12月31日前", 12, 31, 2025, "2025年12月31日前", 2025, 12, 31)]
    [InlineData("2025-12-31前", 12, 31, 2025, "2025年12月31日前", 2025, 12, 31)]
    public void A_deadline_is_read_in_the_month_end_the_dated_and_the_iso_notation(
        string text, int month, int? day, int? year, string display, int lastYear, int lastMonth, int lastDay)
    {
        var t = Parse(text, Level2.Timeliness);

        t.Comparison.Should().Be(Comparison.Deadline);
        t.Deadline.Should().Be(new Deadline(month, day, year));
        t.Value.Should().BeNull();
        t.IsNumeric.Should().BeFalse();
        t.Display.Should().Be(display, "deadlines print in the tables' notation (an ISO date becomes 2025年12月31日前)");
        t.Deadline!.LastDay(2025).Should().Be(new DateOnly(lastYear, lastMonth, lastDay), "月底 is the last day of that month; September has 30 days");
    }

    // ---- qualitative -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("有效提升创业能力", Level2.Social)]
    [InlineData("在项目计划完成时间内完成", Level2.Timeliness)]
    public void Wording_without_a_number_or_a_date_is_a_qualitative_target(string text, Level2 level2)
    {
        // 在项目计划完成时间内完成 is a deadline in spirit, but it names no date to compare an actual with,
        // so it can only be judged by a grade.
        var t = Parse(text, level2);

        t.Comparison.Should().Be(Comparison.Qualitative);
        t.Description.Should().Be(text);
        t.Value.Should().BeNull();
        t.Deadline.Should().BeNull();
        t.ComparisonInferred.Should().BeFalse();
        t.Display.Should().Be(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_target_cannot_be_read(string text)
    {
        Target.TryParse(text, Level2.Quantity, out var target, out var error).Should().BeFalse();
        target.Should().BeNull();
        error.Should().Be("the target is empty");
    }

    [Theory]
    [InlineData("<>100")]
    [InlineData("<> 5")]
    public void Not_equal_is_no_comparison_of_the_national_forms_and_is_refused(string text)
    {
        Target.TryParse(text, Level2.Quantity, out var target, out var error).Should().BeFalse("a target says what must be reached, never what must not be");
        target.Should().BeNull();
        error.Should().NotBeNullOrEmpty();
    }

    // ---- actuals ---------------------------------------------------------------------------------------------

    [Fact]
    public void A_percentage_actual_keeps_its_number_and_its_percent_sign()
    {
        var a = ActualValue.Parse("98%");

        a.Number.Should().Be(98m);
        a.IsPercent.Should().BeTrue();
        a.Text.Should().Be("98%");
        a.Done.Should().BeNull();
    }

    [Fact]
    public void A_count_with_its_unit_glued_on_is_a_number()
    {
        var a = ActualValue.Parse("12166名");

        a.Number.Should().Be(12166m);
        a.IsPercent.Should().BeFalse();
        a.Text.Should().Be("12166名", "the text is kept as reported");
    }

    [Fact]
    public void An_actual_with_a_qualifier_counts_the_number_it_qualifies()
    {
        var a = ActualValue.Parse("88.32%及以上");

        a.Number.Should().Be(88.32m, "in 88.32%及以上 the number is what counts");
        a.IsPercent.Should().BeTrue();
        a.Text.Should().Be("88.32%及以上");
    }

    [Fact]
    public void None_as_an_actual_is_the_number_zero()
    {
        var a = ActualValue.Parse("无");

        a.Number.Should().Be(0m);
        a.Done.Should().BeNull();
    }

    [Fact]
    public void A_deadline_phrase_as_an_actual_is_a_kept_deadline()
    {
        var a = ActualValue.Parse("12月底前");

        a.Deadline.Should().Be(new Deadline(12));
        a.Done.Should().BeTrue();
        a.Number.Should().BeNull("12 is the month, not a count");
        a.Date.Should().BeNull();
    }

    [Fact]
    public void An_iso_date_as_an_actual_is_a_date_not_a_number()
    {
        var a = ActualValue.Parse("2025-11-20");

        a.Date.Should().Be(new DateOnly(2025, 11, 20));
        a.Number.Should().BeNull("2025-11-20 is not the number 2025");
        a.Deadline.Should().BeNull();
    }

    [Fact]
    public void Not_done_as_an_actual_is_done_false_without_a_number()
    {
        var a = ActualValue.Parse("未完成");

        a.Done.Should().BeFalse();
        a.Number.Should().BeNull();
        a.Date.Should().BeNull();
        a.Deadline.Should().BeNull();
    }

    [Fact]
    public void Achieved_as_expected_as_an_actual_is_done()
    {
        // Section 3 lists 达成预期指标 with 完成 among the words actuals are written in.
        var a = ActualValue.Parse("达成预期指标");

        a.Done.Should().BeTrue();
        a.Number.Should().BeNull();
    }

    [Theory]
    [InlineData("完成")]
    [InlineData("已完成")]
    [InlineData("达成")]
    public void Done_words_as_an_actual_are_done(string text)
    {
        ActualValue.Parse(text).Done.Should().BeTrue();
    }

    [Fact]
    public void A_long_run_of_spaces_inside_an_actual_is_read_as_text_without_an_exception()
    {
        var text = "1" + new string(' ', 2000) + "a1";
        ActualValue? a = null;

        var read = () => a = ActualValue.Parse(text);

        read.Should().NotThrow();
        a!.Number.Should().BeNull("digits after the text make it wording, not a number with a unit");
    }

    [Fact]
    public void Wording_as_an_actual_is_text_only()
    {
        var a = ActualValue.Parse("有效提升");

        a.Text.Should().Be("有效提升");
        a.Number.Should().BeNull();
        a.Date.Should().BeNull();
        a.Deadline.Should().BeNull();
        a.Done.Should().BeNull("有效提升 says nothing about done or not done");
    }

    [Theory]
    [InlineData("≤500元/人/月，≤1000元/人/月", Level2.Cost)]
    [InlineData("500元/人/月、1000元/人/月", Level2.Cost)]
    [InlineData("≥95%；≥90%", Level2.Quality)]
    public void A_target_with_several_standards_is_refused_with_the_standards_and_what_to_do(string text, Level2 level2)
    {
        Target.TryParse(text, level2, out var target, out var error).Should().BeFalse("one indicator has one comparison");

        target.Should().BeNull();
        error.Should().Contain("several standards").And.Contain("one indicator per standard");
    }

    [Fact]
    public void A_target_with_several_standards_declared_qualitative_is_judged_by_a_grade()
    {
        var set = PerfEvalJson.ReadIndicatorSet("""
            { "id": "c", "name": "成本", "year": 2025, "indicators": [
              { "id": "cost", "name": "补贴标准", "level2": "cost", "target": "≤500元/人/月，≤1000元/人/月", "comparison": "qualitative" } ] }
            """, "indicators.json");

        set.Diagnostics.Should().NotContain(d => d.Severity == DiagnosticSeverity.Error);
        set.Value!.Indicators.Single().Target.Comparison.Should().Be(Comparison.Qualitative);
    }

    [Theory]
    [InlineData("range")]
    [InlineData("deadline")]
    public void A_sign_under_an_indicator_declared_a_range_or_a_deadline_cites_the_declaration_by_its_code(string declared)
    {
        var set = PerfEvalJson.ReadIndicatorSet($$"""
            { "id": "c", "name": "区间", "year": 2025, "indicators": [
              { "id": "t", "name": "指标", "level2": "quality", "target": "≥80", "comparison": "{{declared}}" } ] }
            """, "indicators.json");

        var d = set.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCodes.InvalidTarget).Subject;
        d.Arguments["reason"].Should().Be($"the target says '≥' but the indicator's comparison says '{declared}'");
    }

    [Theory]
    [InlineData("1½")]
    [InlineData("≥1½")]
    [InlineData("3①")]
    [InlineData("2Ⅻ")]
    public void A_number_followed_by_another_number_character_is_not_read_as_the_first_number_with_a_unit(string text)
    {
        // "1½" read as 1 of the unit "½" would score against a target half a unit off, and nobody would be told.
        var read = Target.TryParse(text, Level2.Quantity, out var target, out _);
        var actual = ActualValue.Parse(text);

        (read ? target!.Comparison : Comparison.Qualitative).Should().Be(Comparison.Qualitative);
        actual.Number.Should().BeNull();
    }

    [Fact]
    public void A_unit_with_a_superscript_after_its_letters_is_still_a_unit()
    {
        Target.TryParse("1000m²", Level2.Quantity, out var target, out _).Should().BeTrue();

        target!.Value.Should().Be(1000m);
        target.Unit.Should().Be("m²");
    }

    [Theory]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("≥99999999999999999999999999999999")]
    [InlineData("99999999999999999999999999999.5%")]
    [InlineData("99,999,999,999,999,999,999,999,999,999人")]
    public void A_figure_beyond_what_a_decimal_holds_is_a_PE1008_at_the_target_not_wording(string text)
    {
        var set = ReadOneTarget(text);

        var d = set.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCodes.InvalidTarget).Subject;
        d.Path.Should().Be("$.indicators[0].target");
        d.Arguments["reason"].Should().Be("the number is out of range");
    }

    [Theory]
    [InlineData("80-90", "≥", "range", "≥")]
    [InlineData("80%-90%", "equal", "range", "＝")]
    [InlineData("12月底前", "atMost", "deadline", "≤")]
    [InlineData("2025-06-30前", "range", "deadline", "range")]
    [InlineData("12月底前", "deadline", null, null)]
    [InlineData("80-90", "range", null, null)]
    public void A_range_or_a_deadline_under_an_indicator_that_declares_another_comparison_is_a_PE1008_at_the_target(string target, string declared, string? shape, string? cited)
    {
        // The author declared one comparison and wrote another: neither is taken silently over the other.
        var set = PerfEvalJson.ReadIndicatorSet($$"""
            { "id": "c", "name": "区间", "year": 2025, "indicators": [
              { "id": "t", "name": "指标", "level2": "quality", "target": "{{target}}", "comparison": "{{declared}}" } ] }
            """, "indicators.json");

        if (shape is null)
        {
            set.Diagnostics.Should().BeEmpty();
            set.Value!.Indicators.Single().Target.Comparison.Should().Be(declared == "range" ? Comparison.Range : Comparison.Deadline);
            return;
        }

        var d = set.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCodes.InvalidTarget).Subject;
        d.Path.Should().Be("$.indicators[0].target");
        d.Arguments["reason"].Should().Be($"it is written as a {shape} but the indicator's comparison says '{cited}'");
        set.Value.Should().BeNull();
    }

    [Fact]
    public void A_several_standards_target_in_a_file_is_a_PE1008_at_the_target()
    {
        var set = PerfEvalJson.ReadIndicatorSet("""
            { "id": "c", "name": "成本", "year": 2025, "indicators": [
              { "id": "cost", "name": "补贴标准", "level2": "cost", "target": "≤500元/人/月，≤1000元/人/月" } ] }
            """, "indicators.json");

        var d = set.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCodes.InvalidTarget).Subject;
        d.Path.Should().Be("$.indicators[0].target");
        d.Arguments["reason"].Should().Contain("≤500元/人/月 | ≤1000元/人/月");
    }

    [Theory]
    [InlineData("3,000人", 3000)]
    [InlineData("≤3,000元", 3000)]
    public void A_number_with_thousands_separators_is_one_standard(string text, int value)
    {
        Parse(text).Value.Should().Be(value);
    }

    // ---- digits of other scripts ----------------------------------------------------------------------------

    [Theory]
    [InlineData("١٢月底前")]
    [InlineData("٢٠٢٥年١٢月٣١日前")]
    [InlineData("२०२५-१२-३१前")]
    [InlineData("२०२५-११-२०")]
    [InlineData("١٢٣٤")]
    [InlineData("١٠-٢٠人")]
    public void An_actual_written_with_digits_of_another_script_is_wording_not_a_figure_and_no_exception(string text)
    {
        // The notations are read with ASCII digits (full-width ones are folded to them); other scripts' digits are
        // not figures of a Chinese budget table, and reading them must not throw.
        ActualValue? actual = null;

        var read = () => actual = ActualValue.Parse(text);

        read.Should().NotThrow();
        actual!.Text.Should().Be(text);
        actual.Number.Should().BeNull();
        actual.Deadline.Should().BeNull();
        actual.Date.Should().BeNull();
    }

    [Theory]
    [InlineData("١٢月底前")]
    [InlineData("٢٠٢٥年١٢月٣١日前")]
    [InlineData("≥١٢٣٤")]
    public void A_target_written_with_digits_of_another_script_in_a_file_is_a_finding_at_the_target_not_an_exception(string text)
    {
        var set = ReadOneTarget(text);

        // Either read as the author's wording (qualitative) or refused with a finding at the target: never a figure.
        if (set.Value is { } read)
        {
            read.Indicators.Single().Target.Comparison.Should().Be(Comparison.Qualitative);
        }
        else
        {
            set.Diagnostics.Should().Contain(d => d.Severity == DiagnosticSeverity.Error && d.Path == "$.indicators[0].target");
        }
    }

    [Theory]
    [InlineData("12𝟏𝟐")]
    [InlineData("≥95𝟗%")]
    [InlineData("24𝟙以内")]
    [InlineData("21月𝟗底前")]
    [InlineData("18—54𝟒周岁")]
    public void Digits_written_as_surrogate_pairs_after_a_number_are_not_taken_for_its_unit(string text)
    {
        // Mathematical digits (𝟏, U+1D7CF) are two UTF-16 code units, neither of which is a digit alone: read code unit
        // by code unit, 𝟏𝟐 would pass for the unit of 12. A digit of any script after the number makes the text wording.
        var actual = ActualValue.Parse(text);
        Target.TryParse(text, Level2.Quantity, out var target, out _);

        actual.Number.Should().BeNull();
        (target is null || !target.IsNumeric).Should().BeTrue($"“{text}” is read as the target {target?.Display}");
    }

    [Theory]
    [InlineData("3月底前已完成", 3)]
    [InlineData("3月底前完成", 3)]
    [InlineData("2025年6月30日前已完成", 6)]
    public void A_deadline_said_to_be_done_as_an_actual_is_a_kept_deadline(string text, int month)
    {
        var a = ActualValue.Parse(text);

        a.Deadline!.Month.Should().Be(month);
        a.Done.Should().BeTrue();
        a.Number.Should().BeNull($"{month} is the month, not a count");
    }

    [Theory]
    [InlineData("2月30日前")]
    [InlineData("13月底前")]
    [InlineData("0001-01-01前")]
    [InlineData("2025年0月底前")]
    public void A_target_shaped_like_a_deadline_with_no_such_date_is_PE1008_in_a_file_never_a_number(string text)
    {
        var set = ReadOneTarget(text);

        var d = set.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCodes.InvalidTarget).Subject;
        d.Path.Should().Be("$.indicators[0].target");
        d.Arguments["reason"].Should().Contain("no such year, month or day");
    }

    [Theory]
    [InlineData("0001-01-01前")]
    [InlineData("1899-12-31前")]
    [InlineData("3000-01-01前")]
    public void An_iso_deadline_outside_the_years_1900_to_2999_is_no_deadline_as_in_the_year_notation(string text)
    {
        Notation.TryReadDeadline(text, out _).Should().BeFalse();
        ActualValue.Parse(text).Deadline.Should().BeNull("a deadline in year 1 would count as kept");
        Target.TryParse(text, Level2.Timeliness, out var target, out _).Should().BeFalse($"{text} names no year of a budget (target: {target?.Comparison})");
    }

    [Theory]
    [InlineData("13月底前")]
    [InlineData("0月底前")]
    [InlineData("１３月底前")]
    [InlineData("2025年13月底前")]
    public void An_actual_shaped_like_a_deadline_with_no_such_month_is_wording_not_the_number_of_the_month(string text)
    {
        // As a target, such text is refused (PE1008: no such month or day); as an actual it is wording too, not the
        // figure 13 with the unit 月底前.
        var a = ActualValue.Parse(text);

        a.Number.Should().BeNull();
        a.Deadline.Should().BeNull();
        a.Done.Should().BeNull();
        a.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("≤12月底前")]
    [InlineData("≥12月底前")]
    [InlineData("＜6月底前")]
    [InlineData("不超过12月底前")]
    [InlineData("控制在12月底前以内")]
    public void A_deadline_after_a_sign_or_a_comparing_word_is_no_figure_of_the_month(string text)
    {
        // The month of a deadline is not a count: ≤12月底前 is not "≤12 with the unit 月底前". After a sign it is refused
        // (the sign stands before no number); after a word it is the author's wording.
        var read = Target.TryParse(text, Level2.Timeliness, out var target, out var error);

        if (read)
        {
            target!.IsNumeric.Should().BeFalse($"“{text}” is read as the target {target.Display}");
        }
        else
        {
            error.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData(@"95\u200B%")]
    [InlineData(@"≥95\u200B%")]
    [InlineData(@"95%\uFEFF")]
    [InlineData(@"29\u0001元/人/月")]
    [InlineData(@"≤500\u202E元")]
    [InlineData(@"12\uD835")]
    public void A_unit_that_hides_a_character_is_no_unit(string escaped)
    {
        // A zero-width or control character, or half a surrogate pair, after the number: 95\u200B% would be the figure 95
        // with the unit "\u200B%", not 95 %. What cannot be shown is not read: the text is wording, or refused after a sign.
        // (Written escaped: a test case's text does not keep half a surrogate pair.)
        var text = Regex.Unescape(escaped);
        var actual = ActualValue.Parse(text);
        var read = Target.TryParse(text, Level2.Quality, out var target, out var error);

        actual.Number.Should().BeNull();
        if (read)
        {
            target!.IsNumeric.Should().BeFalse($"the target is read as {target.Display} with the unit “{target.Unit}”");
        }
        else
        {
            error.Should().NotBeNullOrWhiteSpace();
        }
    }
}
