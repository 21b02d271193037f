using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Reporting;

/// <summary>The self-evaluation table model and its Markdown, CSV and HTML writers, on the seed and on a small set with awkward text.</summary>
public sealed partial class TableWriterTests : IClassFixture<SeedExample>
{
    private const string TrickyName = "新增<b>&就业人数";
    private const string CommaName = "促进就业,提升\"质量\"";
    private const string PipeName = "满意度|调查";
    private const string TrickyReason = "部分人员未到岗,\n次年补发";

    private readonly SeedExample _seed;

    public TableWriterTests(SeedExample seed) => _seed = seed;

    private SelfEvaluationTable Seed(TableOptions? options = null) => SelfEvaluationTable.From(_seed.Result, options);

    // ---- the model -------------------------------------------------------------------------------------------------

    [Fact]
    public void The_funds_block_is_the_total_then_appropriation_carry_over_and_other_funds()
    {
        var funds = Seed().Funds;

        funds.Should().HaveCount(4);
        funds[0].Should().Be(new FundsRow("年度资金总额", null, 3877.67m, 3861.14m, 10m, 99.57m, 9.96m));
        funds[1].Should().Be(new FundsRow("其中：当年财政拨款", null, 2319.59m, null, null, null, null));
        funds[2].Should().Be(new FundsRow("上年结转资金", null, 1558.08m, null, null, null, null));
        funds[3].Should().Be(new FundsRow("其他资金", null, null, null, null, null, null), "the seed has no other funds, so no amount is printed");

        (1409.70m + 366.55m + 226.78m + 316.56m).Should().Be(2319.59m);
        _seed.Result.Budget.Sources.Where(s => s.Category == SourceCategory.Appropriation).Select(s => s.Amount)
            .Should().Equal(1409.70m, 366.55m, 226.78m, 316.56m);
        (funds[1].Available + funds[2].Available).Should().Be(funds[0].Available, "appropriation and carry-over make up the total");
    }

    [Fact]
    public void The_header_goals_and_total_come_from_the_evaluation()
    {
        var table = Seed();

        table.Title.Should().Be("项目支出绩效自评表（2025年度）");
        table.ProgrammeName.Should().Be("扎兰屯市就业补助资金");
        table.Department.Should().Be("扎兰屯市人力资源和社会保障局");
        table.ImplementingUnit.Should().Be("扎兰屯市就业服务中心");
        table.Unit.Should().Be("万元");
        table.Goals.Should().HaveCount(3);
        table.GoalsOutcome.Should().Be("47项绩效指标中，43项达成，2项部分达成，2项未达成或未填报；预算执行率99.57%。");
        table.TotalWeight.Should().Be(100m);
        table.TotalScore.Should().Be(95.23m);
        table.Grade.Should().Be("优");
        table.Labels.Should().BeSameAs(TableLabels.Chinese);
    }

    [Fact]
    public void The_indicator_rows_are_ordered_by_level_1_then_level_2_keeping_the_set_order_within_a_group()
    {
        var rows = Seed().Indicators;

        rows.Should().HaveCount(47);
        rows.Select(r => r.Id).Should().BeEquivalentTo(_seed.Result.Indicators.Select(i => i.Id));
        rows.Select(r => ((int)r.Level1, (int)r.Level2)).Should().BeInAscendingOrder();
        rows.GroupBy(r => r.Level1Label).Select(g => (g.Key, g.Count())).Should().Equal(("产出指标", 28), ("效益指标", 14), ("满意度指标", 5));

        var setOrder = _seed.Result.Indicators.Select(i => i.Id).ToList();
        foreach (var group in rows.GroupBy(r => (r.Level1, r.Level2)))
        {
            group.Select(r => setOrder.IndexOf(r.Id)).Should().BeInAscendingOrder("a sort by level is stable within {0}", group.Key);
        }
    }

    [Fact]
    public void The_rows_carry_the_seed_figures()
    {
        var rows = Seed().Indicators.ToDictionary(r => r.Id);

        rows["si-subsidy-recipients"].Should().Match<IndicatorRow>(r =>
            r.Name == "社会保险补贴人数" && r.Level1Label == "产出指标" && r.Level2Label == "数量指标" && r.Comparison == "≥"
            && r.Target == "≥2300人" && r.Unit == "人" && r.Actual == "2781" && r.CompletionRate == 120.91m);
        rows["intern-subsidy-recipients"].CompletionRate.Should().Be(40.71m);
        rows["hardship-employment"].CompletionRate.Should().Be(95.26m);
        rows["hardship-employment"].Deviation.Should().Contain("申请认定就业困难人员减少").And.Contain("改进措施：");
        rows.Values.Sum(r => r.Weight).Should().Be(90m, "the indicators weigh 90 and the budget 10");
    }

    public static TheoryData<bool, bool, bool> AllColumnOptions()
    {
        var data = new TheoryData<bool, bool, bool>();
        foreach (var comparison in new[] { false, true })
        {
            foreach (var unit in new[] { false, true })
            {
                foreach (var rate in new[] { false, true })
                {
                    data.Add(comparison, unit, rate);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllColumnOptions))]
    public void The_optional_columns_change_headers_and_cells_together(bool comparison, bool unit, bool rate)
    {
        foreach (var chinese in new[] { true, false })
        {
            var options = new TableOptions { Chinese = chinese, ComparisonColumn = comparison, UnitColumn = unit, CompletionRateColumn = rate };
            var table = Seed(options);
            var l = table.Labels;
            var columns = l.IndicatorColumns(options);

            table.Options.Should().Be(options);
            columns.Should().HaveCount(8 + (comparison ? 1 : 0) + (unit ? 1 : 0) + (rate ? 1 : 0));
            columns.Contains(l.Comparison).Should().Be(comparison);
            columns.Contains(l.Unit).Should().Be(unit);
            columns.Contains(l.CompletionRate).Should().Be(rate);
            columns.Take(3).Should().Equal(l.Level1, l.Level2, l.Level3);
            columns.TakeLast(3).Should().Equal(l.Weight, l.Score, l.Deviation);

            foreach (var row in table.Indicators)
            {
                var cells = row.Cells(options);
                cells.Should().HaveCount(columns.Length, "row {0} has a cell under every header", row.Id);
                string At(string header) => cells[columns.IndexOf(header)].Text;
                At(l.Level1).Should().Be(row.Level1Label);
                At(l.Level2).Should().Be(row.Level2Label);
                At(l.Level3).Should().Be(row.Name);
                At(l.Target).Should().Be(row.Target);
                At(l.Actual).Should().Be(row.Actual);
                At(l.Deviation).Should().Be(row.Deviation);
                cells[columns.IndexOf(l.Weight)].Should().Be(TableCell.Of(row.Weight));
                cells[columns.IndexOf(l.Score)].Should().Be(TableCell.Of(row.Score));
                if (comparison)
                {
                    At(l.Comparison).Should().Be(row.Comparison);
                }

                if (unit)
                {
                    At(l.Unit).Should().Be(row.Unit ?? string.Empty);
                }

                if (rate)
                {
                    cells[columns.IndexOf(l.CompletionRate)].Should().Be(TableCell.Percent(row.CompletionRate));
                }

                cells.Count(c => c.Kind == CellKind.Percent).Should().Be(rate ? 1 : 0);
            }
        }
    }

    [Fact]
    public void A_comparison_column_takes_the_sign_out_of_the_target_and_a_unit_column_the_unit()
    {
        Row(new TableOptions()).Should().Match<IndicatorRow>(r => r.Target == "≥2300人" && r.Comparison == "≥");
        Row(new TableOptions { ComparisonColumn = true }).Should().Match<IndicatorRow>(r => r.Target == "2300人" && r.Comparison == "≥");
        Row(new TableOptions { UnitColumn = true }).Should().Match<IndicatorRow>(r => r.Target == "≥2300" && r.Unit == "人");
        Row(new TableOptions { ComparisonColumn = true, UnitColumn = true }).Target.Should().Be("2300");

        var options = new TableOptions { ComparisonColumn = true, UnitColumn = true };
        var columns = TableLabels.Chinese.IndicatorColumns(options);
        var cells = Row(options).Cells(options).Select(c => c.Text).ToList();
        columns.Should().Equal("一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "完成率", "分值", "得分", "偏差原因分析及改进措施");
        cells.Should().Equal("产出指标", "数量指标", "社会保险补贴人数", "≥", "2300", "人", "2781", "120.91%", "1.79", "1.79", string.Empty);

        IndicatorRow Row(TableOptions o) => Seed(o).Indicators.Single(r => r.Id == "si-subsidy-recipients");
    }

    [Fact]
    public void Qualitative_indicators_keep_their_text_and_show_no_completion_rate()
    {
        var qualitative = Seed(new TableOptions { ComparisonColumn = true }).Indicators.Where(r => r.Comparison == "定性").ToList();

        qualitative.Should().NotBeEmpty();
        qualitative.Should().OnlyContain(r => r.CompletionRate == null && r.Target.Length > 0 && !r.Target.StartsWith('≥'));
        qualitative.Select(r => r.Cells(new TableOptions())[5].Text).Should().OnlyContain(t => t == "—");
    }

    [Fact]
    public void English_labels_replace_every_chinese_one()
    {
        var table = Seed(new TableOptions { Chinese = false });

        table.Labels.Should().BeSameAs(TableLabels.English);
        table.Title.Should().Be("Project expenditure performance self-evaluation (2025)");
        table.Funds.Select(f => f.Label).Should().Equal("Total funds", "of which: this year's appropriation", "carried over", "other funds");
        table.Indicators.Select(r => r.Level1Label).Distinct().Should().Equal("Output", "Benefit", "Satisfaction");
        table.Indicators.Select(r => r.Level2Label).Should().Contain("Quantity");
        table.GoalsOutcome.Should().Be("Of 47 indicators, 43 met, 2 partially met, 2 not met or not reported; budget execution 99.57%.");
        table.Grade.Should().Be("Excellent");
        TableLabels.English.IndicatorColumns(table.Options).Should().Equal(
            "Level 1", "Level 2", "Indicator", "Target", "Actual", "Completion", "Weight", "Score", "Deviation reasons and measures");

        var markdown = TableWriters.ToMarkdown(table);
        markdown.Should().Contain("| **Total** |").And.Contain("Grade: **Excellent**").And.NotContain("总分").And.NotContain("自评等级");
        TableWriters.ToHtml(table).Should().Contain("<html lang=\"en\">").And.Contain("Excellent</td>");
        Parse(TableWriters.ToCsv(table)).Should().Contain(r => r.SequenceEqual(new[] { "Total funds", string.Empty, "3877.67", "3861.14", "10.00", "99.57", "9.96" }));
    }

    // ---- Markdown --------------------------------------------------------------------------------------------------

    [Fact]
    public void Markdown_has_one_table_row_per_indicator_and_the_total_row()
    {
        var table = Seed();
        var lines = TableWriters.ToMarkdown(table).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.IndexOf("## 绩效指标");
        start.Should().BeGreaterThan(0);
        var block = lines.Skip(start + 1).SkipWhile(l => l.Length == 0).TakeWhile(l => l.StartsWith('|')).ToList();

        block[0].Should().Be("| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 完成率 | 分值 | 得分 | 偏差原因分析及改进措施 |");
        block[1].Should().Be("|---|---|---|---|---|---:|---:|---:|---|");
        var rows = block.Skip(2).SkipLast(1).ToList();
        rows.Should().HaveCount(47);
        rows.Select(MarkdownCells).Should().OnlyContain(c => c.Length == 9);
        rows.Select(r => MarkdownCells(r)[2]).Should().Equal(table.Indicators.Select(i => i.Name));
        rows.Select(r => MarkdownCells(r)[0]).Where(c => c.Length > 0).Should().Equal("产出指标", "效益指标", "满意度指标");
        rows.Should().Contain("| 产出指标 | 数量指标 | 社会保险补贴人数 | ≥2300人 | 2781 | 120.91% | 1.79 | 1.79 |  |");

        var total = block[^1];
        MarkdownCells(total).Should().HaveCount(9);
        total.Should().Be("| **总分** | | | | | | **100.00** | **95.23** | 自评等级: **优** |");

        var markdown = string.Join("\n", lines);
        markdown.Should().StartWith("# 项目支出绩效自评表（2025年度）");
        markdown.Should().Contain("| 年度资金总额 | — | 3877.67 | 3861.14 | 10.00 | 99.57% | 9.96 |");
        markdown.Should().Contain("| 其中：当年财政拨款 | — | 2319.59 | — | — | — | — |");
        markdown.Should().Contain("| 其他资金 | — | — | — | — | — | — |");
    }

    [Fact]
    public void Markdown_escapes_pipes_and_line_breaks_inside_cells()
    {
        var table = SelfEvaluationTable.From(Tricky());
        var markdown = TableWriters.ToMarkdown(table);
        var rows = markdown.Split('\n').Where(l => l.Contains("满意度&#124;调查", StringComparison.Ordinal) || l.Contains("次年补发", StringComparison.Ordinal)).ToList();

        rows.Should().HaveCount(2);
        rows.Select(MarkdownCells).Should().OnlyContain(c => c.Length == 9);
        markdown.Should().Contain("部分人员未到岗,<br>次年补发");
    }

    // ---- CSV -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Csv_parses_back_with_plain_numbers()
    {
        var table = Seed();
        var csv = TableWriters.ToCsv(table);
        var records = Parse(csv);

        csv.Should().EndWith("\r\n");
        records[0].Should().Equal("项目支出绩效自评表（2025年度）");
        records[1].Should().Equal("项目名称", "扎兰屯市就业补助资金");
        records.Should().Contain(r => r.SequenceEqual(new[] { "项目资金 (万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分" }));
        Record(records, "年度资金总额").Should().Equal("年度资金总额", string.Empty, "3877.67", "3861.14", "10.00", "99.57", "9.96");
        Record(records, "其中：当年财政拨款").Should().Equal("其中：当年财政拨款", string.Empty, "2319.59", string.Empty, string.Empty, string.Empty, string.Empty);
        Record(records, "上年结转资金").Should().Equal("上年结转资金", string.Empty, "1558.08", string.Empty, string.Empty, string.Empty, string.Empty);
        Record(records, "其他资金").Should().Equal("其他资金", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        Record(records, "实际完成情况")[1].Should().Be(table.GoalsOutcome);

        var header = records.FindIndex(r => r.SequenceEqual(TableLabels.Chinese.IndicatorColumns(table.Options)));
        var totalAt = records.FindIndex(r => r[0] == "总分");
        header.Should().BeGreaterThan(0);
        records[header - 1].Should().Equal(string.Empty);
        totalAt.Should().Be(header + 48, "the indicator section is its header and 47 rows, then the total");
        var rows = records.Skip(header + 1).Take(47).ToList();
        rows.Should().OnlyContain(r => r.Length == 9);
        rows.Select(r => r[2]).Should().Equal(table.Indicators.Select(i => i.Name));
        rows.Should().Contain(r => r.SequenceEqual(new[] { "产出指标", "数量指标", "社会保险补贴人数", "≥2300人", "2781", "120.91", "1.79", "1.79", string.Empty }));
        rows.Select(r => r[5]).Should().Contain(["40.71", "95.26"]);
        rows.Select(r => r[5]).Where(rate => rate.Length > 0).Should().OnlyContain(rate => IsPlainNumber(rate), "rates are plain numbers without %");
        rows.Select(r => r[5]).Count(rate => rate.Length == 0).Should().Be(table.Indicators.Count(i => i.CompletionRate is null));
        rows.SelectMany(r => new[] { r[6], r[7] }).Should().OnlyContain(n => IsPlainNumber(n));
        rows.Sum(r => decimal.Parse(r[6], CultureInfo.InvariantCulture)).Should().Be(90m);
        records[totalAt].Should().Equal("总分", "100.00", "95.23", "自评等级", "优");
        records.Should().HaveCount(totalAt + 1);
    }

    [Fact]
    public void Csv_quotes_fields_with_commas_quotes_and_line_breaks_and_they_survive_parsing()
    {
        var table = SelfEvaluationTable.From(Tricky());
        var csv = TableWriters.ToCsv(table);
        var records = Parse(csv);

        csv.Should().Contain("\"促进就业,提升\"\"质量\"\"\"");
        var rows = records.Where(r => r.Length == 9 && r[0] != "一级指标").ToList();
        rows.Select(r => r[2]).Should().Equal(TrickyName, CommaName, PipeName);
        rows[0][8].Should().StartWith(TrickyReason);
        rows.Zip(table.Indicators).Should().OnlyContain(p => p.First.SequenceEqual(p.Second.Cells(table.Options).Select(CsvText)));
        Record(records, "项目名称").Should().Equal("项目名称", "试点项目 <b>&, \"甲\"");
    }

    // ---- HTML ------------------------------------------------------------------------------------------------------

    [Fact]
    public void Html_is_one_self_contained_printable_page()
    {
        var html = TableWriters.ToHtml(Seed());

        html.Should().StartWith("<!DOCTYPE html>");
        html.Should().Contain("<meta charset=\"utf-8\">").And.Contain("<html lang=\"zh-CN\">");
        html.Should().MatchRegex(@"@page\s*\{\s*size:\s*A4\b");
        foreach (var outside in new[] { "http://", "https://", "<script", "src=", "<link", "url(", "@import" })
        {
            html.Should().NotContainEquivalentOf(outside, "the page loads nothing from outside");
        }

        Count(html, "<tr>").Should().Be(Count(html, "</tr>"));
        Count(html, "<td").Should().Be(Count(html, "</td>"));
        Count(html, "<th").Should().Be(Count(html, "</th>"));
        html.Should().Contain("<td class=\"section\" rowspan=\"28\">产出指标</td>");
        html.Should().Contain("<td class=\"section\" rowspan=\"14\">效益指标</td>");
        html.Should().Contain("<td class=\"section\" rowspan=\"5\">满意度指标</td>");
        foreach (var figure in new[] { ">3877.67<", ">3861.14<", ">99.57%<", ">9.96<", ">120.91%<", ">40.71%<", ">95.26%<", ">95.23<", "自评等级：优<" })
        {
            html.Should().Contain(figure);
        }
    }

    [Fact]
    public void Html_escapes_markup_in_names_and_text()
    {
        var html = TableWriters.ToHtml(SelfEvaluationTable.From(Tricky()));

        html.Should().Contain("<td>新增&lt;b&gt;&amp;就业人数</td>");
        html.Should().Contain("试点项目 &lt;b&gt;&amp;, &quot;甲&quot;");
        html.Should().Contain("<title>试点项目 &lt;b&gt;&amp;, &quot;甲&quot; — ");
        html.Should().NotContain("<b>").And.NotContain("<b>&");
        Regex.Matches(html, "&(?!(lt|gt|amp|quot|#\\d+);)").Should().BeEmpty("every ampersand is an entity");
        Count(html, "<td").Should().Be(Count(html, "</td>"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /// <summary>A small programme whose names and reasons contain markup, commas, quotes, pipes and a line break.</summary>
    private static EvaluationResult Tricky()
    {
        var set = new IndicatorSet
        {
            Id = "tricky",
            Name = "试点项目 <b>&, \"甲\"",
            Year = 2025,
            Department = "A&B <局>",
            Goals = ["目标一, 含逗号"],
            Budget = new BudgetDefinition { Sources = [new BudgetLine("central", "中央财政资金")] },
            Indicators =
            [
                new IndicatorDefinition
                {
                    Id = "jobs", Name = TrickyName, Level1 = Level1.Output, Level2 = Level2.Quantity,
                    Target = new Target { Comparison = Comparison.AtLeast, Value = 200m }, Unit = "人", Weight = 50m,
                },
                new IndicatorDefinition
                {
                    Id = "effect", Name = CommaName, Level1 = Level1.Benefit, Level2 = Level2.Social,
                    Target = new Target { Comparison = Comparison.Qualitative, Description = "有效促进" }, Weight = 30m,
                },
                new IndicatorDefinition
                {
                    Id = "satisfaction", Name = PipeName, Level1 = Level1.Satisfaction, Level2 = Level2.Satisfaction,
                    Target = new Target { Comparison = Comparison.AtLeast, Value = 90m, IsPercent = true }, Weight = 10m,
                },
            ],
        };
        var actuals = new ProgrammeActuals
        {
            IndicatorSet = "tricky",
            Budget = new BudgetActuals { Sources = [new BudgetAmount("central", 100m)], Spent = 95m },
            Indicators =
            [
                new IndicatorActual { Id = "jobs", Actual = ActualValue.FromNumber(150m), Reason = TrickyReason, Measures = "加强跟踪" },
                new IndicatorActual { Id = "effect", Actual = ActualValue.Parse("有效促进"), Grade = QualitativeGrade.Achieved, Score = 30m },
                new IndicatorActual { Id = "satisfaction", Actual = ActualValue.Parse("95%") },
            ],
        };
        return new Evaluator().Evaluate(set, actuals);
    }

    /// <summary>A strict RFC 4180 reader: records end with CRLF, a quoted field may hold commas, quotes ("") and line breaks.</summary>
    private static List<string[]> Parse(string csv)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < csv.Length)
        {
            if (field.Length == 0 && csv[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= csv.Length)
                    {
                        throw new FormatException("unterminated quoted field");
                    }

                    if (csv[i] == '"')
                    {
                        if (i + 1 < csv.Length && csv[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(csv[i++]);
                }

                if (i < csv.Length && csv[i] != ',' && csv[i] != '\r')
                {
                    throw new FormatException($"text after a closing quote at {i}");
                }

                continue;
            }

            switch (csv[i])
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' when i + 1 < csv.Length && csv[i + 1] == '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    i += 2;
                    break;
                case '\r' or '\n':
                    throw new FormatException($"a bare line break outside quotes at {i}");
                case '"':
                    throw new FormatException($"a quote inside an unquoted field at {i}");
                default:
                    field.Append(csv[i++]);
                    break;
            }
        }

        if (fields.Count > 0 || field.Length > 0)
        {
            throw new FormatException("the last record does not end with CRLF");
        }

        return records;
    }

    private static string[] Record(List<string[]> records, string first) => records.Single(r => r[0] == first);

    private static string CsvText(TableCell cell) =>
        cell.Number is { } n ? n.ToString("0.00", CultureInfo.InvariantCulture) : cell.Kind == CellKind.Text ? cell.Text : string.Empty;

    private static bool IsPlainNumber(string text) => PlainNumber().IsMatch(text);

    private static string[] MarkdownCells(string row)
    {
        var parts = Regex.Split(row.Trim(), @"(?<!\\)\|");
        return parts[1..^1].Select(p => p.Trim()).ToArray();
    }

    private static int Count(string text, string what) => Regex.Count(text, Regex.Escape(what));

    [GeneratedRegex(@"^-?\d+\.\d{2}$")]
    private static partial Regex PlainNumber();
}
