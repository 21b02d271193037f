using System.Text.Json;
using FluentAssertions;

namespace PerfEval.Cli.Tests;

public sealed class EvaluateCommandTests() : CommandTestBase("perfeval-cli-")
{
    [Fact]
    public void Evaluating_the_example_folder_prints_the_table_with_budget_total_and_grade()
    {
        var (exit, output, error) = Run("evaluate", Example);

        exit.Should().Be(0, error);
        output.Should().Contain("扎兰屯市就业补助资金 2025 年度绩效自评表");
        output.Should().Contain("3877.67").And.Contain("3861.14").And.Contain("99.57%");
        output.Should().Contain("120.91%").And.Contain("40.71%").And.Contain("95.26%");
        output.Should().MatchRegex(@"总分\s+100\.00\s+95\.23\s+等级: 优");
        output.Should().Contain("产出指标").And.Contain("效益指标").And.Contain("满意度指标");
    }

    [Fact]
    public void English_tables_use_english_headings()
    {
        var (exit, output, _) = Run("evaluate", Example, "--lang", "en");

        exit.Should().Be(0);
        output.Should().Contain("Available (A)").And.Contain("Grade: Excellent").And.Contain("Output");
    }

    [Fact]
    public void Json_output_has_the_contract_names_with_numbers_as_numbers_and_percentages_in_percent()
    {
        var (exit, output, _) = Run("evaluate", Example, "--format", "json");

        exit.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var budget = root.GetProperty("budget");
        budget.GetProperty("available").GetDecimal().Should().Be(3877.67m);
        budget.GetProperty("spent").GetDecimal().Should().Be(3861.14m);
        budget.GetProperty("executionRate").GetDecimal().Should().Be(99.57m);
        budget.GetProperty("weight").GetDecimal().Should().Be(10m);
        budget.GetProperty("score").GetDecimal().Should().Be(9.96m);
        root.GetProperty("totalScore").GetDecimal().Should().Be(95.23m);
        root.GetProperty("grade").GetString().Should().Be("优");
        root.GetProperty("policy").GetString().Should().Be("mof-2020");
        root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Should().Equal("PE3001", "PE3001");

        var indicators = root.GetProperty("indicators").EnumerateArray().ToList();
        indicators.Should().HaveCount(47);
        var first = indicators[0];
        foreach (var name in new[] { "id", "name", "program", "level1", "level2", "target", "actual", "completionRate", "status", "weight", "score" })
        {
            first.TryGetProperty(name, out _).Should().BeTrue($"every indicator has '{name}'");
        }

        first.GetProperty("level1").GetString().Should().Be("output");
        first.GetProperty("level2").GetString().Should().Be("quantity");
        first.GetProperty("target").GetString().Should().Be("≥2300");
        first.GetProperty("completionRate").GetDecimal().Should().Be(120.91m);
        first.GetProperty("status").GetString().Should().Be("met");

        var qualitative = indicators.Single(i => i.GetProperty("id").GetString() == "entrepreneurship");
        qualitative.GetProperty("completionRate").ValueKind.Should().Be(JsonValueKind.Null);
        var hardship = indicators.Single(i => i.GetProperty("id").GetString() == "hardship-employment");
        hardship.GetProperty("status").GetString().Should().Be("partiallyMet");
        hardship.GetProperty("deviation").GetProperty("absolute").GetDecimal().Should().Be(-18m);
        hardship.GetProperty("explanationRequired").GetBoolean().Should().BeTrue();
        var reason = hardship.GetProperty("reasons").EnumerateArray().Single();
        reason.GetProperty("category").GetString().Should().Be("externalChange");
        reason.GetProperty("source").GetString().Should().Be("preparer");
        first.GetProperty("explanationTriggers").EnumerateArray().Single().GetString().Should().Be("overAchievement");
    }

    [Fact]
    public void The_two_files_can_be_given_in_either_order()
    {
        var (exit, output, _) = Run("evaluate", Path.Combine(Example, "actuals.json"), Path.Combine(Example, "indicators.json"), "--format", "json");

        exit.Should().Be(0);
        JsonDocument.Parse(output).RootElement.GetProperty("totalScore").GetDecimal().Should().Be(95.23m);
    }

    [Fact]
    public void A_folder_of_programme_folders_evaluates_each_and_prints_a_json_array()
    {
        foreach (var name in new[] { "a", "b" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(Temp, name)).FullName;
            File.Copy(Path.Combine(Example, "indicators.json"), Path.Combine(dir, "indicators.json"));
            File.Copy(Path.Combine(Example, "actuals.json"), Path.Combine(dir, "actuals.json"));
        }

        var (exit, output, _) = Run("evaluate", Temp, "--format", "json");

        exit.Should().Be(0);
        JsonDocument.Parse(output).RootElement.EnumerateArray().Select(r => r.GetProperty("totalScore").GetDecimal()).Should().Equal(95.23m, 95.23m);
    }

    [Fact]
    public void A_typo_in_the_indicator_set_exits_non_zero_with_code_path_and_location()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Temp, "typo")).FullName;
        var set = File.ReadAllText(Path.Combine(Example, "indicators.json"));
        File.WriteAllText(Path.Combine(dir, "indicators.json"), set.Replace("\"target\": \"113\"", "\"traget\": \"113\"", StringComparison.Ordinal));
        File.Copy(Path.Combine(Example, "actuals.json"), Path.Combine(dir, "actuals.json"));

        var (exit, output, error) = Run("evaluate", dir, "--lang", "en");

        exit.Should().Be(1);
        output.Should().BeEmpty("nothing is printed for a programme that could not be read");
        error.Should().Contain("PE1002").And.Contain("$.indicators[1].traget").And.Contain("Did you mean 'target'?");
        error.Should().MatchRegex(@"indicators\.json\(\d+,\d+\)");
        error.Should().Contain("PE1004", "the indicator also lacks its target");
    }

    [Fact]
    public void A_malformed_actuals_file_exits_non_zero_with_its_location()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Temp, "broken")).FullName;
        File.Copy(Path.Combine(Example, "indicators.json"), Path.Combine(dir, "indicators.json"));
        File.WriteAllText(Path.Combine(dir, "actuals.json"), "{\n  \"indicatorSet\": \"zalantun-employment-2025\",\n  \"indicators\": { \"new-urban-jobs\": 405,, }\n}");

        var (exit, _, error) = Run("evaluate", dir);

        exit.Should().Be(1);
        error.Should().Contain("PE1001").And.Contain("actuals.json(3,");
    }

    [Fact]
    public void A_built_in_policy_can_be_chosen_and_the_result_names_it()
    {
        var (exit, output, _) = Run("evaluate", Example, "--policy", "regional-budget20", "--format", "json");

        exit.Should().Be(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("policy").GetString().Should().Be("regional-budget20");
        root.GetProperty("budget").GetProperty("weight").GetDecimal().Should().Be(20m);
        root.GetProperty("budget").GetProperty("score").GetDecimal().Should().Be(19.91m, "20 × 3861.14 / 3877.67 = 19.9147…");
    }

    [Fact]
    public void A_policy_file_can_be_chosen()
    {
        var file = Path.Combine(Temp, "province.json");
        File.WriteAllText(file, """{ "name": "province-x", "extends": "mof-2020", "grades": [ { "min": 96, "code": "excellent", "label": "优秀" }, { "code": "other", "label": "其他" } ] }""");

        var (exit, output, _) = Run("evaluate", Example, "--policy", file, "--format", "json");

        exit.Should().Be(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("policy").GetString().Should().Be("province-x");
        root.GetProperty("grade").GetString().Should().Be("其他", "95.23 is below the policy's 96 for 优秀");
    }

    [Fact]
    public void An_unknown_policy_is_reported_and_nothing_is_evaluated()
    {
        var (exit, output, error) = Run("evaluate", Example, "--policy", "no-such-policy");

        exit.Should().Be(2, "a policy that is neither built in nor a file is a wrong command line");
        output.Should().BeEmpty();
        error.Should().Contain("no-such-policy").And.Contain("mof-2020");
    }

    [Fact]
    public void A_rule_template_explains_the_over_achievements_and_the_table_shows_where_each_reason_came_from()
    {
        var template = Path.Combine(Testing.Repository.Root(), "rules", "templates", "common-reasons.json");

        var (exit, output, _) = Run("evaluate", Example, "--rules", template);

        exit.Should().Be(0);
        output.Should().Contain("规则 over-achievement-review").And.Contain("社会保险补贴人数实际完成2781人，为年度目标2300人的120.91%");
        output.Should().Contain("[外部环境或需求变化（服务对象减少、需求变化、自然灾害等）; 填报] 2025年申请认定就业困难人员减少");
        output.Should().NotContain("PE3001", "every required explanation now has a reason");
    }

    [Fact]
    public void Audit_lists_the_disagreements_and_exits_non_zero()
    {
        var (exit, output, _) = Run("audit", Example, "--lang", "en");

        exit.Should().Be(1);
        output.Should().MatchRegex(@"其他就业补助支出 share of spending\s+24\.27\s+24\.28\s+DISAGREES");
        output.Should().Contain("PE4001").And.Contain("PE4002").And.Contain("PE4007");
    }

    [Fact]
    public void Audit_json_has_the_comparisons_and_findings()
    {
        var (exit, output, _) = Run("audit", Example, "--format", "json");

        exit.Should().Be(1);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("comparisons").EnumerateArray().Count(c => !c.GetProperty("agrees").GetBoolean()).Should().Be(1);
        root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).Should().Contain(["PE4001", "PE4002", "PE4007"]);
    }

    [Fact]
    public void Audit_claim_adds_a_phrase_that_claims_every_target_met()
    {
        var folder = Path.Combine(Temp, "claims");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Example))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var actuals = Path.Combine(folder, "actuals.json");
        var json = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(actuals), "\"conclusion\": \"[^\"]*\"", "\"conclusion\": \"年度任务圆满收官\"");
        json.Should().Contain("年度任务圆满收官");
        File.WriteAllText(actuals, json);

        Run("audit", folder, "--format", "json").Output.Should().NotContain("PE4007");
        Run("audit", folder, "--format", "json", "--claim", "圆满收官").Output.Should().Contain("PE4007");
    }

    [Theory]
    [InlineData("md", "| 产出指标 | 数量指标 | 社会保险补贴人数 | ≥2300人 | 2781 | 120.91% | 1.79 | 1.79 |")]
    [InlineData("csv", "产出指标,数量指标,社会保险补贴人数,≥2300人,2781,120.91,1.79,1.79,")]
    [InlineData("html", "<td class=\"section\" rowspan=\"28\">产出指标</td>")]
    [InlineData("narrative", "社会保险补贴人数年度目标指标值为2300人，2025年实际完成2781人，完成年度预期目标的120.91%")]
    [InlineData("json", "\"totalScore\": 95.23")]
    public void Report_writes_each_format(string format, string expected)
    {
        var (exit, output, error) = Run("report", Example, "--format", format);

        exit.Should().Be(0, error);
        output.Should().Contain(expected);
    }

    [Fact]
    public void Report_writes_an_excel_workbook_to_a_file_and_refuses_to_print_one()
    {
        var file = Path.Combine(Temp, "table.xlsx");

        var (exit, _, error) = Run("report", Example, "--format", "xlsx", "-o", file);
        var (exitWithoutFile, _, errorWithoutFile) = Run("report", Example, "--format", "xlsx");

        exit.Should().Be(0, error);
        File.ReadAllBytes(file).Take(2).Should().Equal([(byte)'P', (byte)'K'], "an xlsx file is a zip package");
        exitWithoutFile.Should().Be(2);
        errorWithoutFile.Should().Contain("-o");
    }

    [Fact]
    public void Report_writes_to_a_file_with_output()
    {
        var file = Path.Combine(Temp, "table.csv");

        var (exit, output, _) = Run("report", Example, "--format", "csv", "-o", file);

        exit.Should().Be(0);
        output.Should().BeEmpty();
        File.ReadAllBytes(file).Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "a spreadsheet program reads a CSV with a BOM as UTF-8");
        File.ReadAllText(file).Should().Contain("95.23");
    }

    [Fact]
    public void A_json_lines_file_is_evaluated_line_by_line_in_order_and_a_bad_line_is_reported_with_its_number()
    {
        // One line each: the files' JSON without their line breaks.
        var set = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Example, "indicators.json")))!.ToJsonString();
        var actuals = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Example, "actuals.json")))!.ToJsonString();
        var file = Path.Combine(Temp, "batch.jsonl");
        File.WriteAllLines(file,
        [
            $$"""{ "name": "first", "indicatorSet": {{set}}, "actuals": {{actuals}} }""",
            "{ not json",
            $$"""{ "name": "third", "indicatorSet": {{set}}, "actuals": {{actuals}} }""",
        ]);

        var (exit, output, error) = Run("evaluate", file, "--format", "jsonl");

        exit.Should().Be(1, "line 2 cannot be read");
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("totalScore").GetDecimal()).Should().Equal(95.23m, 95.23m);
        error.Should().Contain("batch.jsonl:2").And.Contain("PE1001");
    }

    [Theory]
    [InlineData(1, JsonValueKind.Object)]
    [InlineData(3, JsonValueKind.Array)]
    public void A_json_lines_file_of_one_programme_gives_one_object_and_of_several_an_array_of_them_all(int programmes, JsonValueKind expected)
    {
        // Without progress to show, the file is counted only as far as "several": every programme is still written.
        var set = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Example, "indicators.json")))!.ToJsonString();
        var actuals = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Example, "actuals.json")))!.ToJsonString();
        var file = Path.Combine(Temp, $"count-{programmes}.jsonl");
        File.WriteAllLines(file, Enumerable.Range(1, programmes).Select(i => $$"""{ "name": "p{{i}}", "indicatorSet": {{set}}, "actuals": {{actuals}} }"""));

        var (exit, output, _) = Run("evaluate", file, "--format", "json");

        exit.Should().Be(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.ValueKind.Should().Be(expected);
        (expected == JsonValueKind.Array ? root.GetArrayLength() : 1).Should().Be(programmes);
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var (exit, _, error) = Run("evaluate", Path.Combine(Temp, "nowhere"));

        exit.Should().Be(2);
        error.Should().Contain("no such file or folder");
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var (exit, _, error) = Run("evaluate", Example, "--format", "yaml");

        exit.Should().Be(2);
        error.Should().Contain("yaml");
    }

    [Fact]
    public void Errors_found_while_evaluating_exit_non_zero_but_still_print_the_table_with_the_findings()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Temp, "unknown-id")).FullName;
        File.Copy(Path.Combine(Example, "indicators.json"), Path.Combine(dir, "indicators.json"));
        var actuals = File.ReadAllText(Path.Combine(Example, "actuals.json"));
        File.WriteAllText(Path.Combine(dir, "actuals.json"), actuals.Replace("\"reemployment\":", "\"re-employment\":", StringComparison.Ordinal));

        var (exit, output, _) = Run("evaluate", dir, "--lang", "en");

        exit.Should().Be(1);
        output.Should().Contain("PE2001").And.Contain("re-employment").And.Contain("Did you mean 'reemployment'?");
        output.Should().Contain("PE2003", "the real indicator is then reported as missing, not dropped");
    }

}
