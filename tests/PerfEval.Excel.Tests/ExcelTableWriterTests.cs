using DocumentFormat.OpenXml.Spreadsheet;
using FluentAssertions;
using PerfEval.Indicators;
using PerfEval.Reporting;

namespace PerfEval.Excel.Tests;

public sealed class ExcelTableWriterTests(SeedTables seed) : IClassFixture<SeedTables>
{
    private XlsxReader Zh => seed.ChineseWorkbook;

    [Fact]
    public void The_workbook_passes_the_Open_XML_validator()
    {
        Zh.ValidationErrors.Should().BeEmpty();
        seed.EnglishWorkbook.ValidationErrors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, true, true)]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    public void Every_combination_of_optional_columns_gives_a_valid_workbook_with_the_same_numbers(bool comparison, bool unit, bool completion)
    {
        var options = new TableOptions { ComparisonColumn = comparison, UnitColumn = unit, CompletionRateColumn = completion };
        var table = SelfEvaluationTable.From(seed.Result, options);
        var book = XlsxReader.Open(ExcelTableWriter.ToBytes(table));

        book.ValidationErrors.Should().BeEmpty();
        var header = book.SingleWithText("三级指标").Row;
        book.Row(header).Select(c => c.Text).Should().Equal(table.Labels.IndicatorColumns(options));
        book.Cells.Where(c => c.Number == 95.23m).Should().ContainSingle();
        book.Cells.Count(c => c.NumberFormat == "0.00%" && c.Number is not null)
            .Should().Be(1 + (completion ? table.Indicators.Count(r => r.CompletionRate is not null) : 0));
    }

    [Fact]
    public void The_sheet_is_named_in_the_language_of_the_table()
    {
        Zh.SheetNames.Should().Equal("自评表");
        seed.EnglishWorkbook.SheetNames.Should().Equal("Self-evaluation");
    }

    [Fact]
    public void The_funds_figures_are_numeric_cells_with_two_decimals()
    {
        var label = Zh.SingleWithText("年度资金总额");
        var figures = Zh.Row(label.Row).Where(c => c.Number is not null).ToList();

        figures.Should().OnlyContain(c => c.DataType == null || c.DataType == CellValues.Number);
        figures.Select(c => c.Number).Should().Equal(3877.67m, 3861.14m, 10m, 0.9957m, 9.96m);
        figures.Where(c => c.Number != 0.9957m).Should().OnlyContain(c => c.NumberFormat == "0.00");
    }

    [Fact]
    public void The_execution_rate_is_a_numeric_fraction_shown_as_a_percentage()
    {
        var rate = seed.Chinese.Funds[0].ExecutionRate!.Value / 100m;
        rate.Should().Be(0.9957m);

        var cell = Zh.Cells.Should().ContainSingle(c => c.Number == rate).Subject;
        cell.DataType.Should().Match<CellValues?>(t => t == null || t == CellValues.Number);
        cell.NumberFormat.Should().Be("0.00%");
        cell.Row.Should().Be(Zh.SingleWithText("年度资金总额").Row);
    }

    [Fact]
    public void A_dash_stands_where_the_form_prints_one()
    {
        var appropriation = Zh.SingleWithText("其中：当年财政拨款");
        var row = Zh.Row(appropriation.Row).Where(c => c.Column > appropriation.Column && (c.Text is not null || c.Number is not null)).ToList();

        row.Select(c => c.Text ?? c.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal("—", "2319.59", "—", "—", "—", "—");
        row.Single(c => c.Number is not null).NumberFormat.Should().Be("0.00");
    }

    [Fact]
    public void The_total_row_holds_the_weight_the_score_and_the_grade()
    {
        var label = Zh.SingleWithText("总分");
        var row = Zh.Row(label.Row).Where(c => c.Text is not null || c.Number is not null).ToList();

        row.Select(c => (object?)c.Number ?? c.Text).Should().Equal("总分", 100m, 95.23m, "自评等级：优");
        row.Where(c => c.Number is not null).Should().OnlyContain(c => (c.DataType == null || c.DataType == CellValues.Number) && c.NumberFormat == "0.00");
        Zh.MergeAt(label.Row, 1).Should().Be((label.Row, 1, label.Row, 6));
        label.Row.Should().Be(Zh.Cells.Max(c => c.Row));
    }

    [Fact]
    public void Completion_rates_are_numeric_fractions_shown_as_percentages()
    {
        var header = Zh.SingleWithText("完成率");
        var first = header.Row + 1;
        var rows = seed.Chinese.Indicators;
        for (var i = 0; i < rows.Length; i++)
        {
            var cell = Zh.Cell(first + i, header.Column);
            if (rows[i].CompletionRate is { } rate)
            {
                cell.Number.Should().Be(rate / 100m, "row {0} ({1})", i, rows[i].Name);
                cell.DataType.Should().Match<CellValues?>(t => t == null || t == CellValues.Number);
                cell.NumberFormat.Should().Be("0.00%");
            }
            else
            {
                cell.Text.Should().Be("—");
            }
        }

        Zh.Cells.Should().Contain(c => c.Number == 1.2091m && c.NumberFormat == "0.00%");
    }

    [Fact]
    public void Weights_and_scores_of_indicators_are_numeric()
    {
        var header = Zh.SingleWithText("三级指标").Row;
        var weight = Zh.Row(header).Single(c => c.Text == "分值");
        var score = Zh.Row(header).Single(c => c.Text == "得分");
        var rows = seed.Chinese.Indicators;
        for (var i = 0; i < rows.Length; i++)
        {
            Zh.Cell(weight.Row + 1 + i, weight.Column).Number.Should().Be(rows[i].Weight);
            Zh.Cell(weight.Row + 1 + i, score.Column).Number.Should().Be(rows[i].Score);
        }
    }

    [Fact]
    public void The_level_1_and_level_2_cells_are_merged_over_their_rows()
    {
        var output = Zh.SingleWithText("产出指标");
        var outputRows = seed.Chinese.Indicators.Count(r => r.Level1 == Level1.Output);
        outputRows.Should().Be(28);
        Zh.MergeAt(output.Row, output.Column).Should().Be((output.Row, 1, output.Row + 27, 1));

        var quantity = Zh.SingleWithText("数量指标");
        seed.Chinese.Indicators.Count(r => r.Level2 == Level2.Quantity).Should().Be(9);
        quantity.Row.Should().Be(output.Row);
        Zh.MergeAt(quantity.Row, quantity.Column).Should().Be((quantity.Row, 2, quantity.Row + 8, 2));
    }

    [Fact]
    public void Every_level_group_is_merged_over_exactly_its_rows()
    {
        var first = Zh.SingleWithText("三级指标").Row + 1;
        var rows = seed.Chinese.Indicators;
        var level1 = rows.Select((r, i) => (r, i)).GroupBy(x => x.r.Level1).ToList();
        var level2 = rows.Select((r, i) => (r, i)).GroupBy(x => (x.r.Level1, x.r.Level2)).ToList();

        foreach (var group in level1)
        {
            var top = first + group.First().i;
            Zh.Cell(top, 1).Text.Should().Be(group.First().r.Level1Label);
            Zh.MergeAt(top, 1).Should().Be(group.Count() > 1 ? (top, 1, top + group.Count() - 1, 1) : null);
        }

        foreach (var group in level2)
        {
            var top = first + group.First().i;
            Zh.Cell(top, 2).Text.Should().Be(group.First().r.Level2Label);
            Zh.MergeAt(top, 2).Should().Be(group.Count() > 1 ? (top, 2, top + group.Count() - 1, 2) : null);
        }

        Zh.Cells.Where(c => c.Row >= first && c.Row < first + rows.Length && c.Column <= 2 && c.Text is not null)
            .Should().HaveCount(level1.Count + level2.Count);
    }

    [Fact]
    public void Every_indicator_name_appears_once_for_each_of_its_rows()
    {
        var header = Zh.SingleWithText("三级指标");
        var rows = seed.Chinese.Indicators;

        Enumerable.Range(header.Row + 1, rows.Length).Select(r => Zh.Cell(r, header.Column).Text)
            .Should().Equal(rows.Select(r => r.Name));
        foreach (var name in rows.Select(r => r.Name).Distinct())
        {
            var own = rows.Select((r, i) => (r, i)).Where(x => x.r.Name == name).Select(x => header.Row + 1 + x.i).ToList();
            Zh.WithText(name).Where(c => c.Column == header.Column).Select(c => c.Row).Should().Equal(own, name);

            // A qualitative target may repeat the name, but only on the indicator's own row.
            Zh.WithText(name).Should().OnlyContain(c => own.Contains(c.Row), name);
        }
    }

    [Fact]
    public void The_header_fields_and_the_goals_are_in_the_sheet()
    {
        var table = seed.Chinese;
        Zh.Cell(1, 1).Text.Should().Be(table.Title);
        Zh.MergeAt(1, 1).Should().Be((1, 1, 1, 9));
        Zh.Cell(2, 1).Text.Should().Be("项目名称");
        Zh.Cell(2, 2).Text.Should().Be("扎兰屯市就业补助资金");
        Zh.SingleWithText("扎兰屯市人力资源和社会保障局");
        Zh.SingleWithText("扎兰屯市就业服务中心");
        Zh.SingleWithText(table.GoalsOutcome);
        Zh.Cells.Should().ContainSingle(c => c.Text != null && c.Text.StartsWith("1. ", StringComparison.Ordinal))
            .Which.Text.Should().Contain("\n2. ").And.Contain("\n3. ");
        Zh.SingleWithText("项目资金\n(万元)");
    }

    [Fact]
    public void Merged_ranges_do_not_overlap_and_rows_and_cells_are_in_order()
    {
        var covered = new HashSet<(int, int)>();
        foreach (var (row, column, lastRow, lastColumn) in Zh.Merges)
        {
            for (var r = row; r <= lastRow; r++)
            {
                for (var c = column; c <= lastColumn; c++)
                {
                    covered.Add((r, c)).Should().BeTrue($"({r},{c}) is in one merge only");
                }
            }
        }

        var rows = Zh.Worksheet.Descendants<Row>().Select(r => r.RowIndex!.Value).ToList();
        rows.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        foreach (var row in Zh.Worksheet.Descendants<Row>())
        {
            row.Elements<Cell>().Select(c => XlsxReader.Parse(c.CellReference!.Value!))
                .Should().OnlyContain(p => p.Row == row.RowIndex!.Value)
                .And.BeInAscendingOrder(p => p.Column);
        }
    }

    [Fact]
    public void Table_cells_have_borders_and_header_cells_are_bold_with_a_fill()
    {
        var header = Zh.SingleWithText("三级指标");
        var tableCells = Zh.Cells.Where(c => c.Row > 1).ToList();
        tableCells.Should().OnlyContain(c => Zh.Format(c).BorderId!.Value != 0);
        var fonts = Zh.Stylesheet.Fonts!.Elements<Font>().ToList();
        foreach (var cell in Zh.Row(header.Row))
        {
            var format = Zh.Format(cell);
            fonts[(int)format.FontId!.Value].Bold.Should().NotBeNull();
            format.FillId!.Value.Should().NotBe(0U);
        }

        var deviation = Zh.SingleWithText("偏差原因分析及改进措施");
        Zh.Format(Zh.Cell(deviation.Row + 1, deviation.Column)).Alignment!.WrapText!.Value.Should().BeTrue();
        Zh.Format(Zh.Cell(header.Row + 1, header.Column)).Alignment!.WrapText!.Value.Should().BeTrue();
    }

    [Fact]
    public void The_indicator_and_deviation_columns_are_the_widest()
    {
        var widths = Zh.Worksheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
        var name = Zh.SingleWithText("三级指标").Column;
        var deviation = Zh.SingleWithText("偏差原因分析及改进措施").Column;
        var others = widths.Where(w => w.Key != name && w.Key != deviation).Select(w => w.Value).ToList();

        widths.Should().HaveCount(9);
        widths[name].Should().BeGreaterThan(others.Max());
        widths[deviation].Should().BeGreaterThan(others.Max());
    }

    [Fact]
    public void The_page_is_A4_landscape_fitted_to_width_with_the_indicator_header_repeated()
    {
        var setup = Zh.Worksheet.Descendants<PageSetup>().Single();
        setup.PaperSize!.Value.Should().Be(9U);
        setup.Orientation!.Value.Should().Be(OrientationValues.Landscape);
        setup.FitToWidth!.Value.Should().Be(1U);
        setup.FitToHeight!.Value.Should().Be(0U);
        Zh.Worksheet.Descendants<PageSetupProperties>().Single().FitToPage!.Value.Should().BeTrue();

        var header = Zh.SingleWithText("三级指标").Row;
        Zh.DefinedNames["_xlnm.Print_Titles"].Should().Be($"'自评表'!${header}:${header}");
    }

    [Fact]
    public void The_panes_are_frozen_below_the_indicator_header()
    {
        var header = Zh.SingleWithText("三级指标").Row;
        var pane = Zh.Worksheet.Descendants<Pane>().Single();
        pane.State!.Value.Should().Be(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.Should().Be(header);
        pane.TopLeftCell!.Value.Should().Be($"A{header + 1}");
    }

    [Fact]
    public void English_output_uses_English_labels()
    {
        var en = seed.EnglishWorkbook;
        en.Cell(1, 1).Text.Should().Be(seed.English.Title);
        en.SingleWithText("Programme");
        en.SingleWithText("Total funds");
        en.SingleWithText("Indicator");
        en.SingleWithText("Deviation reasons and measures");
        en.SingleWithText("Output");
        en.SingleWithText("Quantity");
        en.Cells.Should().Contain(c => c.Text == "Grade: " + seed.English.Grade);
        var chineseLabels = new[] { "项目名称", "年度资金总额", "三级指标", "产出指标", "数量指标", "总分", "完成率" };
        en.Cells.Should().NotContain(c => chineseLabels.Contains(c.Text));
        en.DefinedNames["_xlnm.Print_Titles"].Should().StartWith("'Self-evaluation'!");
        en.Cells.Should().Contain(c => c.Number == 0.9957m && c.NumberFormat == "0.00%");
    }

    [Fact]
    public void ToBytes_and_Write_give_the_same_workbook()
    {
        var viaBytes = Zh;
        using var stream = new MemoryStream();
        ExcelTableWriter.Write(seed.Chinese, stream);
        var viaStream = XlsxReader.Open(stream.ToArray());

        viaStream.ValidationErrors.Should().BeEmpty();
        viaStream.SheetNames.Should().Equal(viaBytes.SheetNames);
        viaStream.Worksheet.OuterXml.Should().Be(viaBytes.Worksheet.OuterXml);
        viaStream.SharedStrings.Should().Equal(viaBytes.SharedStrings);
        viaStream.Stylesheet.OuterXml.Should().Be(viaBytes.Stylesheet.OuterXml);
    }

    [Fact]
    public void Write_works_on_a_stream_that_cannot_seek_and_leaves_it_open()
    {
        using var inner = new MemoryStream();
        using var stream = new ForwardOnlyStream(inner);
        ExcelTableWriter.Write(seed.English, stream);

        inner.CanRead.Should().BeTrue("the writer does not close the stream");
        XlsxReader.Open(inner.ToArray()).ValidationErrors.Should().BeEmpty();
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        var noTable = () => ExcelTableWriter.ToBytes(null!);
        var noStream = () => ExcelTableWriter.Write(seed.Chinese, null!);
        var readOnly = () => ExcelTableWriter.Write(seed.Chinese, new MemoryStream([], writable: false));

        noTable.Should().Throw<ArgumentNullException>();
        noStream.Should().Throw<ArgumentNullException>();
        readOnly.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Text_that_XML_cannot_hold_is_cleaned_and_long_text_is_cut_to_what_a_cell_holds()
    {
        var row = seed.Chinese.Indicators[0] with { Name = "名称\u0001有控制字符\r\n第二行", Deviation = new string('偏', 40000) };
        var table = seed.Chinese with { Indicators = [row, .. seed.Chinese.Indicators.Skip(1)], Department = null };
        var book = XlsxReader.Open(ExcelTableWriter.ToBytes(table));

        book.ValidationErrors.Should().BeEmpty();
        book.SingleWithText("名称有控制字符\n第二行");
        book.Cells.Should().Contain(c => c.Text != null && c.Text.Length == 32767 && c.Text[0] == '偏');
        book.Cell(3, 2).Text.Should().Be("—");
    }

    [Fact]
    public void A_table_without_indicators_still_gives_a_valid_workbook()
    {
        var table = seed.Chinese with { Indicators = [] };
        var book = XlsxReader.Open(ExcelTableWriter.ToBytes(table));

        book.ValidationErrors.Should().BeEmpty();
        book.SingleWithText("总分").Row.Should().Be(book.SingleWithText("三级指标").Row + 1);
        book.Worksheet.Descendants<Pane>().Should().BeEmpty();
    }

    [Theory]
    [InlineData(1, 1, "A1")]
    [InlineData(7, 9, "I7")]
    [InlineData(12, 26, "Z12")]
    [InlineData(3, 27, "AA3")]
    [InlineData(5, 52, "AZ5")]
    [InlineData(5, 703, "AAA5")]
    public void Cell_references_are_written_in_A1_style(int row, int column, string expected)
    {
        ExcelTableWriter.Reference(row, column).Should().Be(expected);
    }

    [Fact]
    public void Display_widths_count_Chinese_characters_double()
    {
        SheetLayout.DisplayWidth("三级指标").Should().Be(8);
        SheetLayout.DisplayWidth("Output").Should().Be(6);
        SheetLayout.DisplayWidth("≥2300人").Should().Be(7);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }

    [Fact]
    public void A_quantity_actual_is_a_number_whose_format_carries_its_unit()
    {
        // The seed's 社会保险补贴人数: target ≥2300人, actual 2781 (人).
        var row = Zh.SingleWithText("社会保险补贴人数").Row;
        var actualColumn = Zh.SingleWithText("实际完成值").Column;
        var actual = Zh.Cell(row, actualColumn);

        actual.Number.Should().Be(2781m);
        actual.DataType.Should().NotBe(CellValues.SharedString, "a number is not stored as text");
        actual.NumberFormat.Should().Be("0\"人\"");
        Zh.WithText("2781").Should().BeEmpty();
    }

    [Fact]
    public void A_percentage_actual_is_a_fraction_shown_as_written()
    {
        var row = Zh.SingleWithText("就业政策满意度").Row;
        var actual = Zh.Cell(row, Zh.SingleWithText("实际完成值").Column);

        actual.Number.Should().Be(0.98m);
        actual.NumberFormat.Should().Be("0%");
    }

    [Fact]
    public void An_actual_in_words_or_with_a_qualifier_stays_text()
    {
        Zh.Cells.Where(c => c.Text is { } t && t.Contains("及以上", StringComparison.Ordinal)).Should().NotBeEmpty().And.OnlyContain(c => c.Number == null);
    }

    [Fact]
    public void With_a_unit_column_the_target_and_actual_are_numbers_without_the_unit_in_their_format()
    {
        var options = new TableOptions { ComparisonColumn = true, UnitColumn = true };
        var book = XlsxReader.Open(ExcelTableWriter.ToBytes(SelfEvaluationTable.From(seed.Result, options)));
        var row = book.SingleWithText("社会保险补贴人数").Row;

        book.ValidationErrors.Should().BeEmpty();
        book.Cell(row, book.SingleWithText("年度指标值").Column).Should().Match<ReadCell>(c => c.Number == 2300m && c.NumberFormat == "0");
        book.Cell(row, book.SingleWithText("实际完成值").Column).Should().Match<ReadCell>(c => c.Number == 2781m && c.NumberFormat == "0");
    }
}
