using System.Globalization;
using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Import.Tests.Fixtures;
using PerfEval.Indicators;

namespace PerfEval.Import.Tests;

/// <summary>
/// The layouts of real submissions, from every format the importer reads: blocks and columns found by their labels,
/// level labels merged or repeated, with and without score columns and 指标性质 / 度量单位. The expected figures are
/// worked out by hand from the tables in <see cref="Tables"/>.
/// </summary>
public sealed class LayoutTests
{
    public static TheoryData<SubmissionFormat> Formats => new([SubmissionFormat.Xlsx, SubmissionFormat.Xls, SubmissionFormat.Docx, SubmissionFormat.Html]);

    private static ImportResult Import(TableSpec spec, SubmissionFormat format) =>
        SubmissionImporter.Import(new MemoryStream(Render.As(spec, format)), format, new ImportOptions { Culture = CultureInfo.InvariantCulture, SourceName = "submission." + format.ToString().ToLowerInvariant() });

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_national_table_with_merged_levels_is_read_whole(SubmissionFormat format)
    {
        var import = Import(Tables.National(), format);

        import.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Should().BeEmpty();
        var set = import.IndicatorSet!;
        (set.Name, set.Year, set.Department, set.ImplementingUnit, set.Id).Should().Be(("社区养老服务补助", 2024, "某区民政局", "某区养老服务中心", "submission"));
        set.Goals.Should().Equal("为500名老人提供居家养老服务。", "服务满意度达到90%以上。");
        set.Budget.Unit.Should().Be("万元");
        set.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Weight)).Should().Equal(
            (Level1.Output, Level2.Quantity, "服务老人人数", 20m),
            (Level1.Output, Level2.Quantity, "助餐服务次数", 15m),
            (Level1.Output, Level2.Quality, "服务合格率", 10m),
            (Level1.Output, Level2.Timeliness, "服务完成时间", 5m),
            (Level1.Benefit, Level2.Social, "老人生活质量", 30m),
            (Level1.Satisfaction, Level2.Satisfaction, "服务对象满意度", 10m));
        set.Indicators[0].Target.Should().BeEquivalentTo(new { Comparison = Comparison.AtLeast, Value = 500m, Unit = "人" }, o => o.ExcludingMissingMembers());
        set.Indicators[3].Target.Comparison.Should().Be(Comparison.Deadline);
        set.Indicators[4].Target.Comparison.Should().Be(Comparison.Qualitative);

        var actuals = import.Actuals!;
        (actuals.Budget.Initial, actuals.Budget.Available, actuals.Budget.Spent).Should().Be((200m, 220m, 209m));
        actuals.Budget.Sources.Select(s => (s.Id, s.Amount)).Should().Equal(("appropriation", 200m), ("carryover", 20m));
        actuals.Indicators[1].Reason.Should().Be("部分老人选择自行就餐。");
        actuals.Stated!.ExecutionRate.Should().Be(95m);
        actuals.Stated.TotalScore.Should().Be(98m);
        actuals.Stated.Grade.Should().Be("优");
        actuals.Stated.Conclusion.Should().Be("为520名老人提供服务，满意度93%。");

        // By hand: execution 209 / 220 = 95 %, 9.5 of 10; 520 ≥ 500 full 20; 9000 / 10000 = 90 %, 13.5 of 15; the rest met in full.
        var result = RuleSets.Evaluate(import.ToProgramme()!);
        result.Budget.ExecutionRate.Should().Be(95m);
        result.Budget.Score.Should().Be(9.5m);
        result.Indicators.Select(i => i.Score).Should().Equal(20m, 13.5m, 10m, 5m, 30m, 10m);
        result.Indicators[1].Status.Should().Be(IndicatorStatus.PartiallyMet);
        result.TotalScore.Should().Be(98m);
        result.Grade.Label.Should().Be("优");
        Auditor.Audit(result, actuals).Comparisons.Should().OnlyContain(c => c.Agrees);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_comparison_column_that_prints_equal_as_a_box_drawing_double_line_reads_it_as_equal(SubmissionFormat format)
    {
        // Published Yunnan tables print ＝ in the 指标性质 column as ═ (U+2550).
        var spec = Tables.Transfer();
        spec.Rows.Single(r => r.Count > 3 && r[2].Text == "水质达标率")[3] = "═";

        var target = Import(spec, format).IndicatorSet!.Indicators.Single(i => i.Name == "水质达标率").Target;

        target.Comparison.Should().Be(Comparison.Equal);
        target.Value.Should().Be(95m);
        target.IsPercent.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void The_transfer_payment_table_with_repeated_levels_and_unit_columns_is_read_without_weights(SubmissionFormat format)
    {
        var import = Import(Tables.Transfer(), format);

        var set = import.IndicatorSet!;
        (set.Name, set.Year, set.Department).Should().Be(("农村饮水安全补助资金", 2024, "水利部"));
        set.Indicators.Select(i => (i.Level1, i.Level2, i.Target.Comparison, i.Target.Value, i.Target.IsPercent, i.Unit, i.Weight)).Should().Equal(
            (Level1.Output, Level2.Quantity, Comparison.AtLeast, 10m, false, "处", (decimal?)null),
            (Level1.Output, Level2.Quality, Comparison.AtLeast, 95m, true, null, null),
            (Level1.Output, Level2.Cost, Comparison.AtMost, 80m, false, "万元", null),
            (Level1.Benefit, Level2.Social, Comparison.AtLeast, 2m, false, "万人", null),
            (Level1.Satisfaction, Level2.Satisfaction, Comparison.AtLeast, 90m, true, null, null));
        import.Actuals!.Indicators.Select(a => a.Actual!.Text).Should().Equal("12", "96%", "85", "2.3", "88%");
        import.Actuals.Budget.Sources.Select(s => (s.Id, s.Amount)).Should().Equal(("central", 800m), ("local", 200m));
        import.Actuals.Stated!.ExecutionRate.Should().Be(85m);
        import.Actuals.Stated.Scores.Should().BeEmpty("the table has no 得分 column");

        // The second department has no place in the model: reported, not dropped silently.
        var unplaced = import.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.ImportUnplacedCell).Subject;
        unplaced.Arguments["text"].Should().Be("某县水利局");
        unplaced.Severity.Should().Be(DiagnosticSeverity.Warning);
        if (format == SubmissionFormat.Html)
        {
            // A page's finding points at the cell's tag: the table's third row is the page's fifth line, and the
            // fourth cell's <td colspan="4"> starts after "<tr>", two cells of 15 characters and one of 24: column 59.
            unplaced.Location.Should().Be(new SourceLocation("submission.html", 5, 59));
        }

        // By hand: 850 / 1000 = 85 %; the cost 85 over a ceiling of 80 and the satisfaction 88 % under 90 % are partly met.
        var result = RuleSets.Evaluate(import.ToProgramme()!);
        result.Budget.ExecutionRate.Should().Be(85m);
        result.Indicators.Select(i => i.Status).Should().Equal(IndicatorStatus.Met, IndicatorStatus.Met, IndicatorStatus.PartiallyMet, IndicatorStatus.Met, IndicatorStatus.PartiallyMet);
        result.Indicators.Sum(i => i.Weight).Should().Be(90m, "the policy fills the weights the table leaves out");
    }

    [Fact]
    public void Cells_that_cannot_be_placed_or_read_are_reported_with_their_cell()
    {
        var spec = Tables.National([new SpecCell("填表人：张三", ColSpan: 10)]);
        spec.Rows[14][0] = "其他指标"; // the 质量指标 cell of 服务合格率
        spec.Rows[15][4] = "五分"; // the weight of 服务完成时间

        var import = Import(spec, SubmissionFormat.Xlsx);

        import.Diagnostics.Select(d => (d.Code, d.Path, d.Arguments["text"])).Should().BeEquivalentTo(new[]
        {
            (DiagnosticCodes.ImportUnknownLevel, "Sheet1!C15", "其他指标"),
            (DiagnosticCodes.ImportNotANumber, "Sheet1!G16", "五分"),
            (DiagnosticCodes.ImportUnplacedCell, "Sheet1!A20", "填表人：张三"),
        });
        import.Diagnostics.Single(d => d.Code == DiagnosticCodes.ImportUnknownLevel).Location.Should().Be(new SourceLocation("submission.xlsx", 15, 3));
        import.HasErrors.Should().BeTrue();
        import.IndicatorSet!.Indicators.Select(i => i.Name).Should().NotContain("服务合格率");
    }

    [Fact]
    public void A_table_that_states_no_year_needs_one_from_the_caller()
    {
        var spec = Tables.National();
        spec.Rows[1][0] = new SpecCell("（年度）", ColSpan: 10);

        var without = Import(spec, SubmissionFormat.Html);
        var with = SubmissionImporter.Import(new MemoryStream(Render.Html(spec)), SubmissionFormat.Html, new ImportOptions { Year = 2023 });

        without.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.ImportMissingYear);
        without.IndicatorSet.Should().BeNull();
        with.IndicatorSet!.Year.Should().Be(2023);
    }

    [Fact]
    public void A_title_year_in_digits_of_another_script_is_no_year_not_an_exception()
    {
        var spec = Tables.National();
        spec.Rows[1][0] = new SpecCell("（20٢٥年度）", ColSpan: 10);

        var import = Import(spec, SubmissionFormat.Html);

        import.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.ImportMissingYear);
        import.IndicatorSet.Should().BeNull();
    }

    [Fact]
    public void A_gbk_encoded_page_is_read_through_its_meta_charset()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var import = SubmissionImporter.Import(new MemoryStream(Render.Html(Tables.National(), "gbk")), SubmissionFormat.Html, null);

        import.IndicatorSet!.Name.Should().Be("社区养老服务补助");
    }

    [Fact]
    public void A_damaged_workbook_is_PE6001_not_an_exception()
    {
        var import = SubmissionImporter.Import(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), SubmissionFormat.Xlsx, new ImportOptions { SourceName = "broken.xlsx" });

        import.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ImportUnreadable);
        import.IndicatorSet.Should().BeNull();
    }

    [Fact]
    public void A_file_of_an_unknown_kind_is_PE6001()
    {
        SubmissionImporter.Import("table.odt").Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ImportUnreadable);
    }
}
