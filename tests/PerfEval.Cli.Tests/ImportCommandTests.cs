using FluentAssertions;
using PerfEval.Evaluation;
using PerfEval.Excel;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Cli.Tests;

public sealed class ImportCommandTests() : CommandTestBase("perfeval-import-cli-")
{
    [Fact]
    public void Importing_the_seed_table_writes_a_programme_folder_that_evaluates_and_audits_clean()
    {
        var xlsx = Path.Combine(Temp, "zalantun.xlsx");
        File.WriteAllBytes(xlsx, ExcelTableWriter.ToBytes(SelfEvaluationTable.From(new Evaluator().Evaluate(PerfEvalJson.ReadProgrammeFolder(Example).GetValueOrThrow()))));
        var folder = Path.Combine(Temp, "imported");

        var (exit, output, error) = Run("import", xlsx, "-o", folder, "--lang", "en");

        exit.Should().Be(0, error);
        output.Should().Contain(Path.Combine(folder, "indicators.json")).And.Contain(Path.Combine(folder, "actuals.json"));
        File.ReadAllText(Path.Combine(folder, "actuals.json")).Should().Contain("\"stated\"");
        Run("audit", folder, "--lang", "en").Exit.Should().Be(0, "the table's own figures agree with their recomputation");
        Run("evaluate", folder, "--lang", "en").Output.Should().Contain("扎兰屯市就业补助资金");
    }

    [Fact]
    public void Without_an_output_folder_the_files_go_to_a_folder_named_after_the_file()
    {
        var xlsx = Path.Combine(Temp, "submission-7.xlsx");
        File.WriteAllBytes(xlsx, ExcelTableWriter.ToBytes(SelfEvaluationTable.From(new Evaluator().Evaluate(PerfEvalJson.ReadProgrammeFolder(Example).GetValueOrThrow()))));

        Run("import", xlsx).Exit.Should().Be(0);

        File.Exists(Path.Combine(Temp, "submission-7", "indicators.json")).Should().BeTrue();
        PerfEvalJson.ReadProgrammeFolder(Path.Combine(Temp, "submission-7")).GetValueOrThrow().IndicatorSet.Id.Should().Be("submission-7");
    }

    [Fact]
    public void A_page_without_a_table_exits_1_with_PE6002_and_writes_nothing()
    {
        var html = Path.Combine(Temp, "notice.html");
        File.WriteAllText(html, "<html><body><p>关于公开2025年度绩效自评结果的通知</p></body></html>");

        var (exit, _, error) = Run("import", html, "-o", Path.Combine(Temp, "out"));

        exit.Should().Be(1);
        error.Should().Contain("PE6002");
        Directory.Exists(Path.Combine(Temp, "out")).Should().BeFalse();
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        Run("import", Path.Combine(Temp, "none.xlsx")).Exit.Should().Be(2);
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_exits_3_with_PE5001()
    {
        var xlsx = Path.Combine(Temp, "t.xlsx");
        File.WriteAllBytes(xlsx, ExcelTableWriter.ToBytes(SelfEvaluationTable.From(new Evaluator().Evaluate(PerfEvalJson.ReadProgrammeFolder(Example).GetValueOrThrow()))));
        var blocker = Path.Combine(Temp, "a-file");
        File.WriteAllText(blocker, "x");

        var (exit, _, error) = Run("import", xlsx, "-o", Path.Combine(blocker, "sub"));

        exit.Should().Be(3);
        error.Should().Contain("PE5001");
    }
}
