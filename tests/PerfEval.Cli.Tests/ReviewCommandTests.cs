using System.Text.Json.Nodes;
using FluentAssertions;
using PerfEval.Loading;

namespace PerfEval.Cli.Tests;

public sealed class ReviewCommandTests : CommandTestBase
{
    public ReviewCommandTests()
        : base("perfeval-review-cli-")
    {
    }

    private string Input => Path.Combine(Temp, "in");

    private string Output => Path.Combine(Temp, "out");

    [Fact]
    public void A_folder_whose_submissions_have_errors_exits_with_1_and_writes_every_file()
    {
        Seed("county-a", stated: true);
        Seed("sub/county-b", stated: false);
        File.WriteAllText(Path.Combine(Input, "sub", "county-c.xlsx"), "x");

        var (exit, output, error) = Run("review", Input, "-o", Output, "--lang", "en");

        exit.Should().Be(CliApp.InputErrors, error);
        foreach (var file in new[] { "index.html", "findings.csv", "findings.xlsx", "submissions/0001-table.html", "submissions/0001-audit.html", "submissions/0002-table.html", "submissions/0003-audit.html" })
        {
            File.Exists(Path.Combine(Output, file)).Should().BeTrue(file);
        }

        File.Exists(Path.Combine(Output, "submissions/0003-table.html")).Should().BeFalse("a table file that was not imported has no table");
        var csv = File.ReadAllLines(Path.Combine(Output, "findings.csv"));
        csv[0].Should().Be("Submission,Code,Severity,Path,Stated,Recomputed,Message");
        csv.Should().Contain(l => l.StartsWith("county-a,PE4001,error,$.stated.expenditureShares.other,24.27,24.28,", StringComparison.Ordinal));
        csv.Should().Contain(l => l.StartsWith("sub/county-c.xlsx,PE6001,error,", StringComparison.Ordinal), "a file that is no workbook is reported by the importer");
        csv.Should().NotContain(l => l.StartsWith("sub/county-b,", StringComparison.Ordinal) && l.Contains(",error,", StringComparison.Ordinal));
        output.Should().Contain("Reviewed 3 submissions (2 with errors)");
        output.Should().Contain("sub/county-c.xlsx").And.Contain("not read");
    }

    [Fact]
    public void A_submitted_workbook_is_imported_and_reviewed_like_its_rule_folder()
    {
        Seed("folder", stated: false);
        var workbook = Path.Combine(Input, "tables", "county.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(workbook)!);
        Run("report", Path.Combine(Input, "folder"), "--format", "xlsx", "--output", workbook).Exit.Should().Be(CliApp.Ok);

        var (exit, output, error) = Run("review", Input, "-o", Output, "--lang", "en", "--policy", "mof-2020");

        exit.Should().Be(CliApp.Ok, error + output);
        var rows = output.Split('\n').Where(l => l.Contains("95.23", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(2, "the workbook evaluates to the folder's total: " + output);
        rows.Should().Contain(l => l.Contains("tables/county.xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_without_errors_exits_with_0()
    {
        Seed("a", stated: false);
        Seed("b", stated: false);

        var (exit, output, error) = Run("review", Input, "-o", Output);

        exit.Should().Be(CliApp.Ok, error);
        output.Should().Contain("已复核 2 份自评（0 份有错误）");
    }

    [Fact]
    public void The_output_folder_inside_the_reviewed_folder_is_not_reviewed_on_the_next_run()
    {
        Seed("a", stated: false);
        var inside = Path.Combine(Input, "review");

        Run("review", Input, "-o", inside).Exit.Should().Be(CliApp.Ok);
        var second = Run("review", Input, "-o", inside);

        second.Exit.Should().Be(CliApp.Ok, second.Error);
        second.Output.Should().Contain("已复核 1 份自评", "the pages written by the first run are not table files to review");
    }

    [Fact]
    public void A_folder_with_no_submissions_or_no_folder_is_a_usage_error()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "notes.txt"), "nothing to review");

        var empty = Run("review", Input, "-o", Output, "--lang", "en");
        var missing = Run("review", Path.Combine(Temp, "nowhere"), "-o", Output);

        empty.Exit.Should().Be(CliApp.UsageError);
        empty.Error.Should().Contain("No submissions");
        missing.Exit.Should().Be(CliApp.UsageError);
        Directory.Exists(Output).Should().BeFalse("nothing is written when there is nothing to review");
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_exits_with_3_and_pe5001()
    {
        Seed("a", stated: false);
        var blocker = Path.Combine(Temp, "file");
        File.WriteAllText(blocker, "a file where the folder should go");

        var (exit, _, error) = Run("review", Input, "-o", blocker);

        exit.Should().Be(CliApp.OutputError);
        error.Should().Contain("PE5001");
    }

    private void Seed(string relative, bool stated)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Input, relative)).FullName;
        File.Copy(Path.Combine(Example, PerfEvalJson.IndicatorSetFileName), Path.Combine(folder, PerfEvalJson.IndicatorSetFileName));
        var actuals = JsonNode.Parse(File.ReadAllText(Path.Combine(Example, PerfEvalJson.ActualsFileName)))!.AsObject();
        actuals.Remove("$schema");
        if (!stated)
        {
            actuals.Remove("stated");
        }

        File.WriteAllText(Path.Combine(folder, PerfEvalJson.ActualsFileName), actuals.ToJsonString());
    }
}
