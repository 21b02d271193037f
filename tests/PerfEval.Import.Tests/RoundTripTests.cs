using System.Globalization;
using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Excel;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Import.Tests;

/// <summary>
/// The xlsx table that <c>perfeval report --format xlsx</c> writes imports back to an equal evaluation: the same
/// statuses, rates, scores, total and grade, for every example and test rule set and every column layout.
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<string, string> SetsAndLayouts()
    {
        var data = new TheoryData<string, string>();
        foreach (var set in RuleSets.All)
        {
            foreach (var layout in Layouts.Keys.Where(l => set != ControlCharacters || l == WithUnitColumn))
            {
                data.Add(set, layout);
            }
        }

        return data;
    }

    /// <summary>
    /// The corpus set whose unit holds an escape sequence: the xlsx writer drops the ESC and leaves "[1A" glued to the
    /// target ("≥100人[1A"), which no notation reads; it round-trips only where the unit has a column of its own.
    /// </summary>
    private const string ControlCharacters = "corpus-control-characters";

    private const string WithUnitColumn = "comparison-and-unit-columns";

    private static readonly Dictionary<string, TableOptions> Layouts = new()
    {
        ["national"] = new TableOptions(),
        ["english"] = new TableOptions { Chinese = false },
        ["comparison-and-unit-columns"] = new TableOptions { ComparisonColumn = true, UnitColumn = true },
        ["without-completion-rate"] = new TableOptions { CompletionRateColumn = false },
    };

    [Theory]
    [MemberData(nameof(SetsAndLayouts))]
    public void The_xlsx_table_imports_back_to_an_equal_evaluation(string set, string layout)
    {
        var programme = RuleSets.Load(set);
        var original = RuleSets.Evaluate(programme);
        var xlsx = ExcelTableWriter.ToBytes(SelfEvaluationTable.From(original, Layouts[layout]));

        var import = SubmissionImporter.Import(new MemoryStream(xlsx), SubmissionFormat.Xlsx, new ImportOptions { PolicyName = programme.IndicatorSet.PolicyName, Culture = CultureInfo.InvariantCulture });

        import.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Should().BeEmpty();
        var imported = RuleSets.Evaluate(import.ToProgramme()!);
        Summary(imported).Should().BeEquivalentTo(Summary(original), o => o.WithStrictOrdering());
    }

    [Theory]
    [MemberData(nameof(RuleSets.Names), MemberType = typeof(RuleSets))]
    public void The_written_json_files_read_back_and_evaluate_like_the_import_itself(string set)
    {
        var programme = RuleSets.Load(set);
        var original = RuleSets.Evaluate(programme);
        var xlsx = ExcelTableWriter.ToBytes(SelfEvaluationTable.From(original, LayoutFor(set)));
        var import = SubmissionImporter.Import(new MemoryStream(xlsx), SubmissionFormat.Xlsx, new ImportOptions { Id = "round-trip", PolicyName = programme.IndicatorSet.PolicyName });
        var folder = Directory.CreateTempSubdirectory("perfeval-import-").FullName;
        try
        {
            SubmissionJson.Save(import, folder);
            var load = PerfEvalJson.ReadProgrammeFolder(folder);

            load.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
            var fromFiles = RuleSets.Evaluate(load.GetValueOrThrow());
            Summary(fromFiles).Should().BeEquivalentTo(Summary(original), o => o.WithStrictOrdering());
            load.Value!.IndicatorSet.Id.Should().Be("round-trip");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(RuleSets.Names), MemberType = typeof(RuleSets))]
    public void Auditing_an_imported_table_finds_no_disagreement_with_its_own_figures(string set)
    {
        var programme = RuleSets.Load(set);
        var original = RuleSets.Evaluate(programme);
        var xlsx = ExcelTableWriter.ToBytes(SelfEvaluationTable.From(original, LayoutFor(set)));
        var import = SubmissionImporter.Import(new MemoryStream(xlsx), SubmissionFormat.Xlsx, new ImportOptions { PolicyName = programme.IndicatorSet.PolicyName });

        var audit = Auditor.Audit(RuleSets.Evaluate(import.ToProgramme()!), import.Actuals!);

        audit.Comparisons.Should().NotBeEmpty("the table states the execution rate, the scores and the total");
        audit.Comparisons.Where(c => !c.Agrees).Should().BeEmpty();
    }

    [Fact]
    public void A_target_that_no_notation_reads_is_reported_with_its_cell_and_its_row_left_out()
    {
        var original = RuleSets.Evaluate(RuleSets.Load(ControlCharacters));
        var xlsx = ExcelTableWriter.ToBytes(SelfEvaluationTable.From(original));

        var import = SubmissionImporter.Import(new MemoryStream(xlsx), SubmissionFormat.Xlsx, new ImportOptions { Culture = CultureInfo.InvariantCulture });

        var finding = import.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.ImportMissingTarget).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Error);
        finding.Arguments["text"].Should().Be("≥100人[1A");
        var targetColumn = SelfEvaluationTable.From(original).Labels.IndicatorColumns(new TableOptions()).IndexOf("年度指标值") + 1;
        finding.Location!.Column.Should().Be(targetColumn);
        finding.Path.Should().StartWith("自评表!");
        import.IndicatorSet!.Indicators.Should().HaveCount(original.Indicators.Length - 1);
        import.HasErrors.Should().BeTrue();
    }

    [Fact]
    public void A_target_with_several_standards_is_imported_as_wording_and_says_so()
    {
        var original = RuleSets.Evaluate(RuleSets.Load("seed"));
        var xlsx = ExcelTableWriter.ToBytes(SelfEvaluationTable.From(original));

        var import = SubmissionImporter.Import(new MemoryStream(xlsx), SubmissionFormat.Xlsx, new ImportOptions { Culture = CultureInfo.InvariantCulture });

        var finding = import.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.ImportSeveralStandards).Subject;
        finding.Severity.Should().Be(DiagnosticSeverity.Info);
        finding.Arguments["text"].Should().Be("2140元/人/月、2090元/人/月");
        import.IndicatorSet!.Indicators.Single(i => i.Name == "公益性岗位补贴人均标准").Target.Comparison.Should().Be(PerfEval.Indicators.Comparison.Qualitative);
        SubmissionJson.IndicatorsJson(import.IndicatorSet).Should().Contain("\"comparison\": \"qualitative\"");
    }

    private static TableOptions LayoutFor(string set) => set == ControlCharacters ? Layouts[WithUnitColumn] : Layouts["national"];

    /// <summary>What must survive the round trip, in table order.</summary>
    internal static object Summary(EvaluationResult result) => new
    {
        Indicators = SelfEvaluationTable.From(result).Indicators.Select(row => result.Indicators.Single(i => i.Id == row.Id))
            .Select(i => new { i.Status, i.CompletionRate, i.Weight, i.Score }).ToList(),
        result.Budget.ExecutionRate,
        BudgetScore = result.Budget.Score,
        result.TotalScore,
        Grade = result.Grade.Label,
    };
}
