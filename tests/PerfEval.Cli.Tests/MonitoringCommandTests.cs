using System.Text.Json;
using FluentAssertions;

namespace PerfEval.Cli.Tests;

/// <summary><c>perfeval review-targets</c>, <c>perfeval monitor</c> and <c>evaluate --history</c> on the seed example and on copies of it.</summary>
public sealed class MonitoringCommandTests() : CommandTestBase("perfeval-cli-monitoring-")
{
    /// <summary>A copy of the seed folder, with or without its monitoring points.</summary>
    private string Copy(bool monitoring)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Temp, "programme")).FullName;
        foreach (var file in Directory.GetFiles(Example))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        if (monitoring)
        {
            Directory.CreateDirectory(Path.Combine(folder, "monitoring"));
            File.Copy(Path.Combine(Example, "monitoring", "2025-07.json"), Path.Combine(folder, "monitoring", "2025-07.json"));
        }

        return folder;
    }

    [Fact]
    public void Monitor_prints_the_latest_point_with_its_likelihoods_and_the_budget_behind_schedule()
    {
        var (exit, output, _) = Run("monitor", Example);

        exit.Should().Be(CliApp.Ok);
        output.Should().Contain("项目绩效运行监控表").And.Contain("2025-07-31").And.Contain("完全不可能").And.Contain("落后").And.Contain("PE8105");
    }

    [Fact]
    public void Monitor_picks_the_point_with_the_latest_as_of_date_whatever_the_file_names()
    {
        var folder = Copy(monitoring: true);
        var later = File.ReadAllText(Path.Combine(folder, "monitoring", "2025-07.json")).Replace("\"2025-07-31\"", "\"2025-09-30\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "monitoring", "a-september.json"), later);

        var (exit, output, _) = Run("monitor", folder, "-f", "json");

        exit.Should().Be(CliApp.Ok);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("asOf").GetString().Should().Be("2025-09-30");
    }

    [Theory]
    [InlineData("md", "| 完成目标可能性 |")]
    [InlineData("csv", "完成目标可能性")]
    [InlineData("html", "<th>Likelihood</th>")]
    public void Monitor_writes_the_table_in_the_formats_of_the_self_evaluation_table(string format, string expected)
    {
        var (exit, output, _) = Run("monitor", Example, "-f", format, "--lang", format == "html" ? "en" : "zh");

        exit.Should().Be(CliApp.Ok);
        output.Should().Contain(expected);
    }

    [Fact]
    public void Monitor_writes_an_xlsx_workbook_to_a_file_and_refuses_one_on_standard_output()
    {
        var file = Path.Combine(Temp, "monitoring.xlsx");

        Run("monitor", Example, "-f", "xlsx", "-o", file).Exit.Should().Be(CliApp.Ok);
        File.ReadAllBytes(file).Take(2).Should().Equal((byte)'P', (byte)'K');
        Run("monitor", Example, "-f", "xlsx").Exit.Should().Be(CliApp.UsageError);
    }

    [Fact]
    public void Monitor_on_a_folder_without_monitoring_points_is_a_usage_error_and_a_point_without_a_date_an_input_error()
    {
        var folder = Copy(monitoring: false);
        Run("monitor", folder).Exit.Should().Be(CliApp.UsageError);

        var (exit, output, _) = Run("monitor", folder, "--point", Path.Combine(folder, "actuals.json"), "--lang", "en");
        exit.Should().Be(CliApp.InputErrors);
        output.Should().Contain("PE8101");
    }

    [Fact]
    public void Review_targets_compares_with_the_previous_year_in_the_folder_and_exits_0_on_warnings()
    {
        var (exit, output, _) = Run("review-targets", Example, "-f", "json");

        exit.Should().Be(CliApp.Ok);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("comparedWithPreviousYear").GetBoolean().Should().BeTrue();
        var codes = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        codes.Should().Contain(["PE8005", "PE8002"]).And.NotContain("PE8001");
    }

    [Fact]
    public void Review_targets_exits_1_when_the_checklist_finds_an_error_and_2_for_a_path_that_does_not_exist()
    {
        Run("review-targets", Example, "--type", "school").Exit.Should().Be(CliApp.InputErrors);
        Run("review-targets", Path.Combine(Temp, "nothing")).Exit.Should().Be(CliApp.UsageError);
    }

    [Fact]
    public void Evaluate_is_unchanged_by_monitoring_points_and_shows_the_movement_only_when_asked()
    {
        var without = Run("evaluate", Copy(monitoring: false)).Output;
        Directory.Delete(Path.Combine(Temp, "programme"), recursive: true);
        var folder = Copy(monitoring: true);

        var plain = Run("evaluate", folder);
        var history = Run("evaluate", folder, "--history");

        plain.Output.Should().Be(without);
        history.Exit.Should().Be(CliApp.Ok);
        history.Output.Should().StartWith(without.TrimEnd('\n', '\r')).And.Contain("自上一监控时点（2025-07-31").And.Contain("申请认定就业困难人员减少");
        Run("evaluate", folder, "--history", "-f", "json").Exit.Should().Be(CliApp.UsageError, "the movement is printed with the text table only");
    }
}
